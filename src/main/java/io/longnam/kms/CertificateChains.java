package io.longnam.kms;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks a certificate chain received for a seal key before it is stored and used for signing. */
public final class CertificateChains {

    private CertificateChains() {
    }

    /** Every certificate in a PEM (or DER) bundle, in file order. */
    public static List<X509Certificate> parse(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new CertificateChainException("no certificate found in the supplied PEM");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new CertificateChainException("the supplied certificate chain is not valid PEM", e);
        }
    }

    /**
     * Orders a set of certificates leaf → root. Fails when they do not form one single path (several leaves,
     * a gap, or certificates that belong to no path).
     */
    public static List<X509Certificate> orderLeafFirst(Collection<X509Certificate> certificates) {
        List<X509Certificate> remaining = new ArrayList<>(new LinkedHashSet<>(certificates));
        List<X509Certificate> leaves = remaining.stream()
                .filter(c -> remaining.stream().noneMatch(other -> other != c && !isSelfSigned(other) && issued(c, other)))
                .filter(c -> remaining.size() == 1 || !isSelfSigned(c))
                .toList();
        if (leaves.size() != 1) {
            throw new CertificateChainException("the chain must contain exactly one end-entity certificate, found "
                    + leaves.size());
        }
        List<X509Certificate> ordered = new ArrayList<>();
        X509Certificate current = leaves.getFirst();
        ordered.add(current);
        remaining.remove(current);
        while (!remaining.isEmpty() && !isSelfSigned(current)) {
            X509Certificate child = current;
            X509Certificate issuer = remaining.stream().filter(c -> issued(c, child)).findFirst()
                    .orElseThrow(() -> new CertificateChainException("chain is broken: no issuer for "
                            + child.getSubjectX500Principal().getName()));
            ordered.add(issuer);
            remaining.remove(issuer);
            current = issuer;
        }
        if (!remaining.isEmpty()) {
            throw new CertificateChainException(remaining.size() + " certificate(s) do not belong to the chain of "
                    + ordered.getFirst().getSubjectX500Principal().getName());
        }
        return ordered;
    }

    /**
     * Parses, orders and checks a chain for a key: the leaf must certify {@code key} and not be a CA, every certificate must be
     * valid at {@code at}, each must be signed by the next, and intermediates must be CAs. Trust in the root is
     * not decided here; that is the verifier's job against configured anchors.
     */
    public static List<X509Certificate> forKey(String pem, PublicKey key, Instant at) {
        return forKey(parse(pem), key, at);
    }

    /** As {@link #forKey(String, PublicKey, Instant)}, for certificates already parsed. */
    public static List<X509Certificate> forKey(List<X509Certificate> certificates, PublicKey key, Instant at) {
        List<X509Certificate> chain = orderLeafFirst(certificates);
        X509Certificate leaf = chain.getFirst();
        if (!leaf.getPublicKey().equals(key)) {
            throw new CertificateChainException("the certificate " + leaf.getSubjectX500Principal().getName()
                    + " was issued for a different key than this seal key (public key fingerprint "
                    + SoftwareKeyProvider.fingerprint(leaf.getPublicKey()) + ", key has "
                    + SoftwareKeyProvider.fingerprint(key) + ")");
        }
        if (leaf.getBasicConstraints() >= 0) {
            // A CA certificate for the key would let its holder issue certificates in anyone's name.
            throw new CertificateChainException("the certificate " + leaf.getSubjectX500Principal().getName()
                    + " is a CA certificate; a signing key needs an end-entity certificate");
        }
        if (leaf.getKeyUsage() != null && !(leaf.getKeyUsage()[0] || leaf.getKeyUsage()[1])) {
            throw new CertificateChainException("the certificate does not allow digitalSignature or nonRepudiation");
        }
        Date when = Date.from(at);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            try {
                c.checkValidity(when);
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new CertificateChainException("certificate " + c.getSubjectX500Principal().getName()
                        + " is not valid at " + at + " (valid " + c.getNotBefore().toInstant() + " to "
                        + c.getNotAfter().toInstant() + ")", e);
            }
            if (i > 0 && c.getBasicConstraints() < 0) {
                throw new CertificateChainException("certificate " + c.getSubjectX500Principal().getName()
                        + " issues another certificate in the chain but is not a CA");
            }
        }
        return chain;
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isSelfSigned(X509Certificate c) {
        return issued(c, c);
    }
}
