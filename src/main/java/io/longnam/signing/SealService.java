package io.longnam.signing;

import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentService.CurrentContent;
import io.longnam.document.DocumentStatus;
import io.longnam.document.PdfInspector;
import io.longnam.document.VersionKind;
import io.longnam.identity.Caller;
import io.longnam.kms.Kms;
import io.longnam.kms.SigningKeyService;
import io.longnam.signing.SealDtos.SealCommand;
import io.longnam.tenancy.Organization;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Organisation seals (TOR 2.1.1, 2.1.2). The PDF is signed outside any database transaction — a TSA round trip
 * must not hold a connection — and the result is stored only if the document did not change meanwhile, so no
 * half-signed or stale file is ever the current version.
 */
@ApplicationScoped
public class SealService {

    @Inject
    DocumentService documents;
    @Inject
    SigningKeyService keys;
    @Inject
    PadesSealer sealer;
    @Inject
    XadesSigner xades;
    @Inject
    TsaConfig tsa;
    @Inject
    LongnamConfig config;
    @Inject
    SigningGate gate;

    /**
     * Checks up front that the organisation can seal at the requested level with the given key (null: its default),
     * so work that is to be sealed fails before it registers anything.
     */
    public void checkCanSeal(UUID organizationId, UUID keyId, SignatureLevel requested) {
        Organization org = Organization.findById(organizationId);
        levelFor(org, requested);
        keys.sealKey(org.id, keyId);
    }

    /** Signs XML (enveloped XAdES) with the organisation's default seal key, at B-T when its seals are time-stamped. */
    public byte[] signXml(UUID organizationId, byte[] xml, SignatureLevel requested) {
        Organization org = Organization.findById(organizationId);
        SignatureLevel level = levelFor(org, requested);
        SealKey key = keys.sealKey(org.id, null);
        return gate.through(() -> translating(() -> xades.sign(xml, key, level), "to sign the XML"));
    }

    /** Seals in turn with other signatures ({@link SigningGate}): the read, the signing and the write. */
    public DocumentView seal(Caller caller, UUID documentId, SealCommand command) {
        return gate.through(() -> sealNow(caller, documentId, command));
    }

    private DocumentView sealNow(Caller caller, UUID documentId, SealCommand command) {
        SealCommand cmd = command == null ? new SealCommand(null, null, null, null, null) : command;
        CurrentContent current = documents.current(caller, documentId, DocumentStatus.SEALED);
        Organization org = Organization.findById(current.organizationId());
        SignatureLevel level = levelFor(org, cmd.level());
        SealKey key = keys.sealKey(org.id, cmd.keyId());
        VisibleSeal visible = cmd.visible() == null ? null : cmd.visible().toSeal();
        byte[] sealed;
        // Documents registered before the limits existed, and rendered ones, have not been inspected against them.
        // The document that check loads is the one the seal is added to.
        try (PdfInspector.Inspected pdf = PdfInspector.open(current.data(), PdfInspector.Limits.of(config))) {
            int pages = pdf.facts().pages();
            if (visible != null && visible.page() > pages) {
                throw ProblemException.invalid("visible.page", "the document has " + pages + " page(s)");
            }
            SealRequest request = new SealRequest(level, cmd.reason(), cmd.location(), visible);
            sealed = translating(() -> sealer.seal(current.data(), pdf.document(), key, request), "to sign");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", level.value());
        details.put("keyId", String.valueOf(cmd.keyId() == null ? "default" : cmd.keyId()));
        details.put("algorithm", key.algorithm().name());
        details.put("visible", visible != null);
        return documents.addVersion(caller, current, VersionKind.SEALED, sealed, "application/pdf",
                DocumentStatus.SEALED, details);
    }

    /**
     * The organisation's switch is authoritative: with timestamping off only B-B is made, and asking for more is
     * an error rather than a silent downgrade; with it on, the default level is at least B-T.
     */
    public SignatureLevel levelFor(Organization org, SignatureLevel requested) {
        SignatureLevel level = chooseLevel(org, requested);
        if (level.needsTimestamp() && !tsa.configured()) {
            throw ProblemException.unprocessable("tsa-not-configured",
                    "a " + level + " seal needs a time-stamp, and this platform has no time-stamp authority configured; "
                            + "only B-B seals can be made");
        }
        return level;
    }

    private static SignatureLevel chooseLevel(Organization org, SignatureLevel requested) {
        if (!org.timestampEnabled) {
            if (requested != null && requested != SignatureLevel.B_B) {
                throw ProblemException.unprocessable("timestamping-disabled",
                        "timestamping is switched off for this organisation, so only B-B seals can be made");
            }
            return SignatureLevel.B_B;
        }
        if (requested != null) {
            return requested;
        }
        SignatureLevel configured = SignatureLevel.valueOf(org.defaultSignatureLevel);
        return configured == SignatureLevel.B_B ? SignatureLevel.B_T : configured;
    }

    /** Signing failures as answers: key-provider ones as everywhere else ({@link Kms#call}), the rest as 503/422. */
    public static byte[] translating(java.util.function.Supplier<byte[]> signing, String refusal) {
        try {
            return Kms.call(refusal, signing);
        } catch (TsaUnavailableException e) {
            Log.warnf("seal failed, TSA: %s", e.getMessage());
            throw ProblemException.unavailable("tsa-unavailable",
                    "the time-stamp authority did not answer; the document is unchanged, retry later");
        } catch (RevocationUnavailableException e) {
            Log.warnf("seal failed, revocation data: %s", e.getMessage());
            throw ProblemException.unavailable("revocation-unavailable",
                    "revocation data for the seal certificate could not be fetched; the document is unchanged, retry later");
        } catch (SealingException e) {
            Log.warnf("seal failed: %s", e.getMessage());
            // DSS's message names its classes and our configuration: it goes to the log, not into the answer.
            throw ProblemException.unprocessable("cannot-seal", "the PDF cannot be sealed; it may be damaged, "
                    + "encrypted or carry a signature that forbids changes").because(e);
        }
    }
}
