package io.longnam.signing;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import io.longnam.kms.KmsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Seals PDFs as PAdES signatures (sub-filter ETSI.CAdES.detached). B-B and B-T are made by {@link LeanPadesSigner}
 * unless {@code longnam.signing.engine=dss}; B-LT and B-LTA, and pages the lean path does not place like DSS (rotated
 * ones), by EU DSS on its PDFBox backend. Either way the signature value is computed by the seal key's
 * {@link io.longnam.kms.KeyProvider}, which only sees the data to be signed. Each seal is an incremental update, so
 * earlier signatures and PDF/A conformance of the input are kept.
 */
@ApplicationScoped
public class PadesSealer {

    /** Room for a TSA response token: its SignedData carries the TSA certificate and usually its chain. */
    private static final int TIMESTAMP_ALLOWANCE = 8 * 1024;
    /** Signed attributes (content type, digest, signing-certificate-v2, ...) and the CMS structure around them. */
    private static final int CMS_OVERHEAD = 2 * 1024;
    /** A PDF/A-1 claim in XMP, as attribute or element: PDF/A-1 forbids the soft mask a transparent mark needs. */
    private static final Pattern PDFA_PART_1 = Pattern.compile("pdfaid:part\\s*(=\\s*[\"']|>)\\s*1\\s*[\"'<]");

    private final String tsaUrl;
    private final TSPSource tsp;
    private final SealAppearance appearance;
    /** Null when DSS makes every level. */
    private final LeanPadesSigner lean;
    /**
     * Levels without revocation data need nothing key-specific in the service, so one service per level is built
     * once. DSS keeps no per-signature state in its services (its demo webapp runs them as singletons); all of
     * that is in the parameters, which stay per call.
     */
    private final PAdESService basicService;
    private final PAdESService timestampService;

    @Inject
    public PadesSealer(TsaConfig tsa, SigningConfig signing) {
        this.tsaUrl = tsa.url().filter(u -> !u.isBlank()).orElse(null);
        this.tsp = tsaUrl == null ? null : new FailingLoudlyTspSource(tspSource(tsaUrl, tsa), tsaUrl);
        this.appearance = new SealAppearance();
        this.lean = signing.engine() == SigningConfig.Engine.LEAN ? new LeanPadesSigner(tsp) : null;
        this.basicService = newService(new CommonCertificateVerifier());
        if (tsp != null) {
            this.timestampService = newService(new CommonCertificateVerifier());
            this.timestampService.setTspSource(tsp);
        } else {
            this.timestampService = null;
        }
    }

    private static TSPSource tspSource(String url, TsaConfig config) {
        TimestampDataLoader loader = Http.withTimeouts(new TimestampDataLoader(), config.timeout());
        if (config.username().isPresent()) {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            loader.addAuthentication(uri.getHost(), port, uri.getScheme(), config.username().get(),
                    config.password().orElse("").toCharArray());
        }
        return new OnlineTSPSource(url, loader);
    }

    /**
     * Returns {@code pdf} with one more signature. Throws {@link TsaUnavailableException} when a time-stamp is
     * needed and cannot be had, {@link RevocationUnavailableException} when B-LT/B-LTA revocation data cannot be
     * fetched, {@link KmsException} when the key provider fails; no partial output in any case.
     */
    public byte[] seal(byte[] pdf, SealKey key, SealRequest request) {
        return seal(pdf, null, key, request);
    }

    /**
     * {@link #seal(byte[], SealKey, SealRequest)} with {@code pdf} already parsed ({@code loaded}, null: not yet):
     * the lean path signs that document instead of parsing the bytes again. {@code loaded} is spent afterwards;
     * the caller only closes it.
     */
    public byte[] seal(byte[] pdf, PDDocument loaded, SealKey key, SealRequest request) {
        SignatureLevel level = request.level();
        if (level.needsTimestamp() && tsp == null) {
            throw new TsaUnavailableException(level + " needs a time-stamp but no TSA is configured (longnam.tsa.url)", null);
        }
        if (usesLean(level)) {
            VisibleSeal visible = request.appearance();
            byte[] signed = leanOrNull(() -> lean.sign(pdf, loaded, key, level,
                    new LeanPadesSigner.Fields(null, request.reason(), request.location()),
                    visible == null ? null : doc -> placement(doc, visible)), level);
            if (signed != null) {
                return signed;
            }
        }
        return ProviderSigning.sign(service(key, level), new InMemoryDocument(pdf), parameters(key, request), key, level);
    }

    private boolean usesLean(SignatureLevel level) {
        return lean != null && !level.needsRevocationData();
    }

    /**
     * The lean signer's result, or null when it leaves the input to DSS. Its failures come out as DSS's do: placement
     * errors as thrown, the rest through {@link ProviderSigning#translate}.
     */
    private static byte[] leanOrNull(java.util.function.Supplier<byte[]> signing, SignatureLevel level) {
        try {
            return signing.get();
        } catch (LeanPadesSigner.NotHandled e) {
            return null;
        } catch (KmsException | SealingException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderSigning.translate(e, level);
        }
    }

    /** A visible seal's box: given from the page's top-left corner, in PDF space from the media box's bottom-left. */
    private LeanPadesSigner.Appearance placement(PDDocument doc, VisibleSeal seal) {
        if (seal.page() > doc.getNumberOfPages()) {
            throw new SealingException("the document has " + doc.getNumberOfPages() + " page(s), the seal is for page "
                    + seal.page(), null);
        }
        PDRectangle media = upright(doc.getPage(seal.page() - 1)).getMediaBox();
        PDRectangle box = new PDRectangle(media.getLowerLeftX() + seal.x(),
                media.getUpperRightY() - seal.y() - seal.height(), seal.width(), seal.height());
        return new LeanPadesSigner.Appearance(seal.page() - 1, box, appearance.image(seal));
    }

    /** An approval mark's box: given from the page's bottom-left corner, checked to fit as for DSS. */
    private LeanPadesSigner.Appearance placement(PDDocument doc, ApprovalMark mark) throws IOException {
        TargetPage page = targetPage(doc, mark);
        PDRectangle media = upright(doc.getPage(mark.page() - 1)).getMediaBox();
        PDRectangle box = new PDRectangle(media.getLowerLeftX() + mark.x(), media.getLowerLeftY() + mark.y(),
                mark.width(), mark.height());
        return new LeanPadesSigner.Appearance(mark.page() - 1, box, appearance.approvalImage(mark, page.pdfA1()));
    }

    /** DSS turns boxes on rotated pages so they read upright; the lean path leaves those pages to it. */
    private static PDPage upright(PDPage page) {
        if (page.getRotation() % 360 != 0) {
            throw new LeanPadesSigner.NotHandled("page rotated by " + page.getRotation());
        }
        return page;
    }

    /**
     * Returns {@code pdf} with an approval signature by {@code key} at {@code mark}'s box: PAdES like a seal, and like
     * a seal an incremental update without DocMDP (an approval, not a certification), so later approvals and the
     * organisation's final seal keep every earlier signature valid. With a personal key the certificate names the
     * signer; with the organisation's key, signing on a person's behalf, the signature's /Name and /Reason do.
     * Failures as for {@link #seal}; {@link IllegalArgumentException} when the box does not lie on the page.
     */
    public byte[] signApproval(byte[] pdf, SealKey key, SignatureLevel level, ApprovalMark mark) {
        if (level.needsTimestamp() && tsp == null) {
            throw new TsaUnavailableException(level + " needs a time-stamp but no TSA is configured (longnam.tsa.url)", null);
        }
        if (usesLean(level)) {
            byte[] signed = leanOrNull(() -> lean.sign(pdf, key, level,
                    new LeanPadesSigner.Fields(mark.signerName(), mark.reason(), mark.location()),
                    doc -> placement(doc, mark)), level);
            if (signed != null) {
                return signed;
            }
        }
        TargetPage page = targetPage(pdf, mark);
        PAdESSignatureParameters p = parameters(key, level, mark.reason(), mark.location());
        p.setSignerName(mark.signerName());
        SignatureImageParameters image = new SignatureImageParameters();
        image.setImage(new InMemoryDocument(appearance.approvalPng(mark, page.pdfA1()), "approval.png", MimeTypeEnum.PNG));
        image.setImageScaling(ImageScaling.STRETCH);
        // DSS measures from the top-left corner of the page's media box; placements come from the bottom-left.
        image.setFieldParameters(field(mark.page(), mark.x(), page.height() - mark.y() - mark.height(), mark.width(),
                mark.height()));
        p.setImageParameters(image);
        return ProviderSigning.sign(service(key, level), new InMemoryDocument(pdf), p, key, level);
    }

    private record TargetPage(float height, boolean pdfA1) {
    }

    private static TargetPage targetPage(byte[] pdf, ApprovalMark mark) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return targetPage(doc, mark);
        } catch (IOException e) {
            throw new SealingException("the PDF cannot be read to place the approval mark: " + e.getMessage(), e);
        }
    }

    private static TargetPage targetPage(PDDocument doc, ApprovalMark mark) throws IOException {
        if (mark.page() > doc.getNumberOfPages()) {
            throw new IllegalArgumentException("the document has " + doc.getNumberOfPages() + " page(s), the mark is for page "
                    + mark.page());
        }
        PDRectangle box = doc.getPage(mark.page() - 1).getMediaBox();
        if (mark.x() + mark.width() > box.getWidth() || mark.y() + mark.height() > box.getHeight()) {
            throw new IllegalArgumentException("the mark's box does not fit on page " + mark.page() + " ("
                    + box.getWidth() + " × " + box.getHeight() + " points)");
        }
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        boolean pdfA1 = metadata != null
                && PDFA_PART_1.matcher(new String(metadata.toByteArray(), StandardCharsets.UTF_8)).find();
        return new TargetPage(box.getHeight(), pdfA1);
    }

    /** The configured TSA, failing loudly as for seals; null when none is configured. Shared with {@link XadesSigner}. */
    TSPSource timestampSource() {
        return tsp;
    }

    /**
     * The PDFBox backend is named rather than left to DSS's default factory, which runs a ServiceLoader lookup on
     * every signature; it is the implementation that lookup finds first (dss-pades-pdfbox's service file).
     */
    private static PAdESService newService(CommonCertificateVerifier verifier) {
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        return service;
    }

    private PAdESService service(SealKey key, SignatureLevel level) {
        if (!level.needsRevocationData()) {
            return level.needsTimestamp() ? timestampService : basicService;
        }
        PAdESService service = newService(revocationVerifier(key));
        service.setTspSource(tsp);
        return service;
    }

    /** For B-LT/B-LTA: online revocation sources, with the key's own root as the anchor they collect data for. */
    private static CommonCertificateVerifier revocationVerifier(SealKey key) {
        CommonCertificateVerifier verifier = Http.withOnlineRevocation(new CommonCertificateVerifier());
        // DSS only collects revocation data for chains it trusts; the chain's own root is the anchor here
        // (the verifier checks trust against configured anchors later).
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        X509Certificate top = key.chain().getLast();
        if (top.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
            anchors.addCertificate(new CertificateToken(top));
        }
        verifier.setTrustedCertSources(anchors);
        verifier.setCheckRevocationForUntrustedChains(true);
        verifier.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
        return verifier;
    }

    private PAdESSignatureParameters parameters(SealKey key, SealRequest request) {
        PAdESSignatureParameters p = parameters(key, request.level(), request.reason(), request.location());
        if (request.appearance() != null) {
            p.setImageParameters(imageParameters(request.appearance()));
        }
        return p;
    }

    private static PAdESSignatureParameters parameters(SealKey key, SignatureLevel level, String reason, String location) {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(level.dss());
        ProviderSigning.signer(p, key);
        p.setSubFilter("ETSI.CAdES.detached");
        p.setReason(reason);
        p.setLocation(location);
        p.setContentSize(contentSize(key, level));
        p.getSignatureTimestampParameters().setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.getArchiveTimestampParameters().setDigestAlgorithm(DigestAlgorithm.SHA256);
        return p;
    }

    /**
     * Bytes reserved for the CMS signature in /Contents: the certificates embedded in it, the signature value,
     * the signed attributes, and for B-T and up the time-stamp token, plus a quarter for margin. B-LT/B-LTA
     * revocation data goes into the PDF's DSS dictionary in a later revision, not into this container.
     */
    static int contentSize(SealKey key, SignatureLevel level) {
        int size = CMS_OVERHEAD + key.chainEncodedLength() + key.maxSignatureLength()
                + (level.needsTimestamp() ? TIMESTAMP_ALLOWANCE : 0);
        return (size + size / 4 + 1023) / 1024 * 1024;
    }

    private SignatureImageParameters imageParameters(VisibleSeal seal) {
        SignatureImageParameters image = new SignatureImageParameters();
        image.setImage(new InMemoryDocument(appearance.png(seal), "seal.png", MimeTypeEnum.PNG));
        image.setImageScaling(ImageScaling.STRETCH);
        image.setFieldParameters(field(seal.page(), seal.x(), seal.y(), seal.width(), seal.height()));
        return image;
    }

    /** A signature field's box: page from 1, origin at the box's top-left in points from the page's top-left. */
    private static SignatureFieldParameters field(int page, float x, float top, float width, float height) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(page);
        field.setOriginX(x);
        field.setOriginY(top);
        field.setWidth(width);
        field.setHeight(height);
        return field;
    }

    /** Turns every way a TSA can fail (HTTP error, bad response, null) into {@link TsaUnavailableException}. */
    private record FailingLoudlyTspSource(TSPSource delegate, String url) implements TSPSource {
        @Override
        public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
            TimestampBinary token;
            try {
                token = SigningGate.outside(() -> delegate.getTimeStampResponse(digestAlgorithm, digest));
            } catch (RuntimeException e) {
                throw new TsaUnavailableException("time-stamp authority " + url + " failed: " + e.getMessage(), e);
            }
            if (token == null) {
                throw new TsaUnavailableException("time-stamp authority " + url + " returned no token", null);
            }
            return token;
        }
    }

    @Override
    public String toString() {
        return "PadesSealer[tsa=" + (tsaUrl == null ? "none" : tsaUrl) + ", engine=" + (lean == null ? "dss" : "lean") + "]";
    }
}
