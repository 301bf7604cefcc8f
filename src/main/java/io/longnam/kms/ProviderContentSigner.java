package io.longnam.kms;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/** A BouncyCastle {@link ContentSigner} whose signature is made by a {@link KeyProvider}, so the key stays inside it. */
public final class ProviderContentSigner implements ContentSigner {

    private final KeyProvider provider;
    private final String keyRef;
    private final KeyAlgorithm algorithm;
    private final AlgorithmIdentifier identifier;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public ProviderContentSigner(KeyProvider provider, String keyRef, KeyAlgorithm algorithm) {
        this.provider = provider;
        this.keyRef = keyRef;
        this.algorithm = algorithm;
        this.identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.jcaSignatureAlgorithm());
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return identifier;
    }

    @Override
    public OutputStream getOutputStream() {
        return buffer;
    }

    @Override
    public byte[] getSignature() {
        return provider.sign(keyRef, algorithm, buffer.toByteArray());
    }
}
