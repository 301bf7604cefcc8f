package io.longnam.signing;

import eu.europa.esig.dss.enumerations.SubIndication;
import io.longnam.common.ProblemException;
import io.longnam.document.Document;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.LinkService;
import io.longnam.render.Renderer;
import io.longnam.render.ThaiText;
import io.longnam.tenancy.Organization;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What the public verification page (the target of a document's QR code) shows. Anyone may look, so it carries
 * nothing personal — no title, owner or student data — unless the request holds a working download link for
 * the document. Signature checks are cached per document version: DSS with CRL fetches is too costly per view.
 * The page never fails on a signature check: whatever stops it (size limits, time budget, a file that is no PDF)
 * is shown as "cannot be checked".
 */
@ApplicationScoped
public class PublicVerificationService {

    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final int CACHE_MAX = 10_000;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final java.util.Set<String> STATUS_UNKNOWN = java.util.Set.of(
            SubIndication.TRY_LATER.name(), SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE.name());

    @Inject
    DocumentService documents;
    @Inject
    LinkService links;
    @Inject
    VerificationPool pool;
    @Inject
    TrustAnchors anchors;

    private record Cached(SignatureState state, Instant at) {
    }

    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    /** The signature state in words a person reads on the page. */
    @io.quarkus.qute.TemplateData
    public record SignatureState(String kind, String th, String en, String signer, String signedAt) {
    }

    @io.quarkus.qute.TemplateData
    public record PageModel(String organizationName, String typeTh, String typeEn, String issuedTh, String issuedIso,
                            String status, String statusTh, String statusEn, boolean erased, String sha256,
                            String sha256Grouped, SignatureState signature, String title, String downloadUrl) {
    }

    /** Never fails for a document that exists: a signature that cannot be checked is shown as such. */
    public Optional<PageModel> page(String documentId, String token, Consumer<Runnable> onClientGone) {
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Document d = Document.findById(id);
        if (d == null) {
            return Optional.empty();
        }
        Organization org = Organization.findById(d.organizationId);
        boolean erased = d.deletedAt != null;
        boolean holder = !erased && token != null && links.grantsAccess(token, d.id);
        LocalDate issued = d.createdAt.atZone(Renderer.THAILAND).toLocalDate();
        return Optional.of(new PageModel(org.name, typeTh(d.documentType), typeEn(d.documentType),
                ThaiText.formatDate(issued), issued.toString(), d.status.name(), statusTh(d.status), statusEn(d.status),
                erased, d.currentSha256, grouped(d.currentSha256), signature(d, onClientGone),
                holder ? d.title : null, holder ? "/d/" + token : null));
    }

    private SignatureState signature(Document d, Consumer<Runnable> onClientGone) {
        if (d.deletedAt != null || d.currentVersionId == null) {
            return new SignatureState("unknown", "ตรวจสอบไม่ได้ เนื่องจากไฟล์ถูกลบแล้ว",
                    "Cannot be checked: the file was erased", null, null);
        }
        Instant now = Instant.now();
        Cached c = cache.get(d.currentVersionId);
        if (c != null && c.at().plus(CACHE_TTL).isAfter(now)) {
            return c.state();
        }
        SignatureState state;
        try {
            state = describe(pool.verify(documents.currentBytes(d), anchors.forOrganization(d.organizationId), onClientGone));
        } catch (ProblemException e) {
            Log.infof("verification page of %s: signatures not checked (%s)", d.id, e.slug());
            SignatureState failed = cannotCheck();
            // A version that is refused (too large, too costly) is refused again; only busy or cancelled retries may pass.
            if (e.status() < 500) {
                remember(d.currentVersionId, failed, now);
            }
            return failed;
        } catch (RuntimeException e) {
            Log.warnf(e, "verification page of %s: signature check failed", d.id);
            return cannotCheck();
        }
        remember(d.currentVersionId, state, now);
        return state;
    }

    /**
     * Three verdicts a reader can act on. "Intact but status unknown" is only said when nothing but the certificate's
     * revocation status is missing: every signature intact, covering the whole document, on a chain to one of the
     * organisation's anchors, and DSS INDETERMINATE for want of revocation data (no CRL/OCSP answer at all:
     * CERTIFICATE_CHAIN_GENERAL_FAILURE under the default policy; one that is not fresh: TRY_LATER). A revoked or
     * expired certificate has other sub-indications and is not that case.
     */
    static SignatureState describe(VerificationReport report) {
        if (report.signatures().isEmpty()) {
            return new SignatureState("none", "เอกสารนี้ยังไม่มีลายมือชื่ออิเล็กทรอนิกส์", "This document is not signed", null, null);
        }
        SignatureReport last = report.signatures().getLast();
        String signer = commonName(last.signer());
        Instant time = last.timestamp() != null ? last.timestamp().time() : last.signingTime();
        String at = time == null ? null : TIME.format(time.atZone(Renderer.THAILAND)) + " (UTC+7)";
        if (report.valid()) {
            return new SignatureState("valid", "ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง", "Signature valid", signer, at);
        }
        boolean statusUnknownOnly = report.signatures().stream().allMatch(s -> s.intact() && s.coversWholeDocument()
                && s.trusted() && (s.indication() == SignatureIndication.TOTAL_PASSED
                || s.indication() == SignatureIndication.INDETERMINATE && STATUS_UNKNOWN.contains(s.subIndication())));
        if (statusUnknownOnly) {
            return new SignatureState("unverified",
                    "เอกสารไม่ถูกแก้ไขและออกโดยหน่วยงานนี้จริง แต่ยังตรวจสอบสถานะใบรับรองไม่ได้ในขณะนี้",
                    "Intact and issued by this organisation, but the status of its certificate could not be checked right now",
                    signer, at);
        }
        return new SignatureState("invalid", "ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง หรือเอกสารถูกแก้ไข",
                "Signature NOT valid, or the document was changed (" + last.indication() + ")", signer, at);
    }

    private static SignatureState cannotCheck() {
        return new SignatureState("unknown", "ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์ของไฟล์นี้ไม่ได้",
                "The signature of this file cannot be checked", null, null);
    }

    private void remember(UUID versionId, SignatureState state, Instant now) {
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        cache.put(versionId, new Cached(state, now));
    }

    private static String commonName(String dn) {
        if (dn == null) {
            return null;
        }
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static String grouped(String hex) {
        if (hex == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            sb.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 4));
        }
        return sb.toString();
    }

    static String typeTh(DocumentType t) {
        return switch (t) {
            case PP1 -> "ปพ.1 ระเบียนแสดงผลการเรียน";
            case PP2 -> "ปพ.2 ประกาศนียบัตร";
            case LETTER -> "หนังสือราชการ";
            case OTHER -> "เอกสารอื่น";
        };
    }

    static String typeEn(DocumentType t) {
        return switch (t) {
            case PP1 -> "Transcript (ปพ.1)";
            case PP2 -> "Certificate (ปพ.2)";
            case LETTER -> "Official letter";
            case OTHER -> "Other document";
        };
    }

    static String statusTh(DocumentStatus s) {
        return switch (s) {
            case REGISTERED -> "ลงทะเบียนแล้ว";
            case PENDING_APPROVAL -> "รอการอนุมัติ";
            case APPROVED -> "อนุมัติแล้ว";
            case REJECTED -> "ไม่อนุมัติ";
            case SEALED -> "ประทับตราอิเล็กทรอนิกส์แล้ว";
            case SIGNED -> "ลงนามแล้ว";
            case EXPIRED -> "หมดอายุ";
            case DELETED -> "ถูกลบ";
        };
    }

    static String statusEn(DocumentStatus s) {
        return switch (s) {
            case REGISTERED -> "Registered";
            case PENDING_APPROVAL -> "Pending approval";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case SEALED -> "Sealed";
            case SIGNED -> "Signed";
            case EXPIRED -> "Expired";
            case DELETED -> "Deleted";
        };
    }
}
