package io.longnam.signing;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs XML (the ขมธอ. 25-2563 e-transcript data a PDF/A-3 carries) as an enveloped XAdES signature with the
 * organisation's seal key, so the data stays verifiable once extracted from the PDF. Same split as
 * {@link PadesSealer}: DSS computes the data to be signed, the key provider signs, DSS assembles.
 */
@ApplicationScoped
public class XadesSigner {

    private final PadesSealer sealer;

    @Inject
    public XadesSigner(PadesSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * {@code level} is the PAdES level the organisation's settings give; the XML gets B-B, or B-T when that level
     * carries a time-stamp. (LT/LTA validation data belongs to the PDF's DSS dictionary, not to the XML.)
     */
    public byte[] sign(byte[] xml, SealKey key, SignatureLevel level) {
        boolean timestamp = level.needsTimestamp();
        XAdESService service = new XAdESService(new CommonCertificateVerifier());
        if (timestamp) {
            var tsp = sealer.timestampSource();
            if (tsp == null) {
                throw new TsaUnavailableException("XAdES-T needs a time-stamp but no TSA is configured (longnam.tsa.url)", null);
            }
            service.setTspSource(tsp);
        }
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(timestamp ? eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T
                : eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        ProviderSigning.signer(p, key);
        return ProviderSigning.sign(service, new InMemoryDocument(xml, "data.xml", MimeTypeEnum.XML), p, key,
                timestamp ? SignatureLevel.B_T : SignatureLevel.B_B);
    }
}
