package io.longnam.signing;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Validates the signatures in a PDF with DSS against caller-supplied trust anchors (e.g. a tenant's CA roots),
 * fetching CRLs/OCSP answers and missing intermediates online as needed. Costly and unbounded by itself: callers
 * go through {@link VerificationPool}, which checks the PDF's size first and bounds time and concurrency.
 */
@ApplicationScoped
public class SignatureVerifier {

    public VerificationReport verify(byte[] pdf, Collection<X509Certificate> trustAnchors) {
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        trustAnchors.forEach(c -> anchors.addCertificate(new CertificateToken(c)));
        CommonCertificateVerifier verifier = Http.withOnlineRevocation(new CommonCertificateVerifier());
        verifier.setTrustedCertSources(anchors);

        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        if (validator instanceof PDFDocumentValidator pdfValidator) {
            PdfBoxDefaultObjectFactory pdfObjects = new PdfBoxDefaultObjectFactory();
            pdfObjects.setPdfDifferencesFinder(new InterruptiblePdfDifferences());
            pdfValidator.setPdfObjFactory(pdfObjects);
        }
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();

        List<SignatureReport> signatures = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            signatures.add(report(id, simple, diagnostic.getSignatureById(id), pdf.length));
        }
        // DSS's default policy only warns about content changed after signing (it still says TOTAL_PASSED);
        // a sealed document whose content was altered afterwards is not valid here.
        boolean valid = !signatures.isEmpty() && signatures.stream().allMatch(
                s -> s.indication() == SignatureIndication.TOTAL_PASSED && s.coversWholeDocument());
        return new VerificationReport(valid, List.copyOf(signatures));
    }

    private static SignatureReport report(String id, SimpleReport simple, SignatureWrapper signature, int fileLength) {
        List<String> chain = signature.getCertificateChain().stream().map(CertificateWrapper::getCertificateDN).toList();
        SubIndication sub = simple.getSubIndication(id);
        boolean intact = signature.isSignatureIntact()
                && signature.getDigestMatchers().stream().allMatch(XmlDigestMatcher::isDataIntact);
        return new SignatureReport(id,
                signature.getSigningCertificate() == null ? null : signature.getSigningCertificate().getCertificateDN(),
                chain,
                signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant(),
                SignatureLevel.ofDss(simple.getSignatureFormat(id)),
                SignatureIndication.of(simple.getIndication(id)),
                sub == null ? null : sub.name(),
                timestamp(id, simple, signature),
                intact,
                signature.isTrustedChain(),
                coversWholeDocument(signature.getPDFRevision(), fileLength));
    }

    private static TimestampReport timestamp(String id, SimpleReport simple, SignatureWrapper signature) {
        List<TimestampWrapper> timestamps = signature.getSignatureTimestamps();
        if (timestamps.isEmpty()) {
            return null;
        }
        TimestampWrapper first = timestamps.getFirst();
        boolean passed = simple.getSignatureTimestamps(id).stream()
                .filter(t -> t.getId().equals(first.getId()))
                .map(XmlTimestamp::getIndication)
                .anyMatch(i -> i == Indication.PASSED);
        return new TimestampReport(first.getProductionTime().toInstant(), passed);
    }

    /**
     * The signed byte range either reaches the end of the file, or everything appended later is of a kind PAdES
     * allows after signing (signatures, form fill, DSS dictionary, document time-stamps) and changes nothing visible.
     */
    private static boolean coversWholeDocument(PDFRevisionWrapper revision, int fileLength) {
        if (revision == null) {
            return false;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        if (range.size() == 4 && range.get(2).add(range.get(3)).intValueExact() == fileLength) {
            return true;
        }
        return !revision.arePdfModificationsDetected() && revision.getPdfUndefinedChanges().isEmpty();
    }
}
