package io.longnam.signing;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.model.SerializableTimestampParameters;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import java.io.IOException;
import java.io.InputStream;

/**
 * DSS's three-step signing with the key held by its provider: DSS computes what is to be signed, the provider
 * signs those bytes, DSS builds the signature around the value. The document never reaches the provider and the
 * key never reaches DSS.
 */
final class ProviderSigning {

    private ProviderSigning() {
    }

    static <P extends SerializableSignatureParameters, T extends SerializableTimestampParameters> byte[] sign(
            DocumentSignatureService<P, T> service, DSSDocument document, P parameters, SealKey key) throws IOException {
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] signature = key.provider().sign(key.keyRef(), key.algorithm(), toBeSigned.getBytes());
        SignatureValue value = new SignatureValue(SignatureAlgorithm.getAlgorithm(
                key.algorithm().encryptionAlgorithm(), key.algorithm().digestAlgorithm()), signature);
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        }
    }
}
