package io.longnam.signing;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.model.SerializableTimestampParameters;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import io.longnam.kms.KmsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;

/**
 * DSS's three-step signing with the key held by its provider: DSS computes what is to be signed, the provider
 * signs those bytes, DSS builds the signature around the value. The document never reaches the provider and the
 * key never reaches DSS.
 */
final class ProviderSigning {

    private ProviderSigning() {
    }

    /** The signer's part of the parameters: certificate, chain, digest and signing time. */
    static void signer(AbstractSignatureParameters<?> parameters, SealKey key) {
        parameters.setDigestAlgorithm(key.algorithm().digestAlgorithm());
        parameters.setSigningCertificate(new CertificateToken(key.certificate()));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(new Date());
    }

    /**
     * The signed document. DSS's failures come back as what caused them: {@link TsaUnavailableException},
     * {@link KmsException}, {@link RevocationUnavailableException} at levels that need revocation data, else a
     * {@link SealingException}.
     */
    static <P extends SerializableSignatureParameters, T extends SerializableTimestampParameters> byte[] sign(
            DocumentSignatureService<P, T> service, DSSDocument document, P parameters, SealKey key, SignatureLevel level) {
        try {
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            byte[] signature = key.provider().sign(key.keyRef(), key.algorithm(), toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(SignatureAlgorithm.getAlgorithm(
                    key.algorithm().encryptionAlgorithm(), key.algorithm().digestAlgorithm()), signature);
            DSSDocument signed = service.signDocument(document, parameters, value);
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KmsException | SealingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e, level);
        }
    }

    /**
     * A signing failure as what caused it: a TSA or key-provider failure anywhere in its causes, unreachable
     * revocation data at levels that need it, else a {@link SealingException}. Shared with the lean signer.
     */
    static RuntimeException translate(RuntimeException e, SignatureLevel level) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TsaUnavailableException tsa) {
                return tsa;
            }
            if (t instanceof KmsException kms) {
                return kms;
            }
        }
        if (e instanceof AlertException && level.needsRevocationData()) {
            return new RevocationUnavailableException("cannot reach " + level + ": " + e.getMessage(), e);
        }
        return new SealingException("sealing at " + level + " failed: " + e.getMessage(), e);
    }
}
