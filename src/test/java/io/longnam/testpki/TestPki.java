package io.longnam.testpki;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A two-level test CA (root → issuing CA → seal / TSA certificates) that publishes fresh CRLs over HTTP on an
 * ephemeral loopback port, as a real CA does: DSS only reaches TOTAL_PASSED when it can fetch revocation data.
 * Close it to stop the server.
 */
public final class TestPki implements AutoCloseable {

    private static final Duration CERT_LIFETIME = Duration.ofDays(365);

    private final HttpServer server;
    private final KeyPair rootKey;
    private final X509Certificate root;
    private final KeyPair issuingKey;
    private final X509Certificate issuing;
    private final AtomicLong serials = new AtomicLong(Instant.now().toEpochMilli());
    /** Serial → revocation time, taken when the test revokes (not when the CRL is fetched, which can be later). */
    private final Map<BigInteger, Date> revoked = new ConcurrentHashMap<>();

    public TestPki() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-pki-http");
                t.setDaemon(true);
                return t;
            }));

            rootKey = rsa();
            X500Name rootName = new X500Name("CN=Longnam Test Root CA,O=Longnam Test,C=TH");
            root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), notBefore(), notAfter(Duration.ofDays(3650)),
                    rootName, rootKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(rootKey.getPublic())),
                    rootKey.getPrivate());

            issuingKey = rsa();
            issuing = sign(new JcaX509v3CertificateBuilder(root, serial(), notBefore(), notAfter(Duration.ofDays(1825)),
                    new X500Name("CN=Longnam Test Issuing CA,O=Longnam Test,C=TH"), issuingKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(issuingKey.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext().createAuthorityKeyIdentifier(root))
                    .addExtension(Extension.cRLDistributionPoints, false, crlDp("root.crl")),
                    rootKey.getPrivate());
            server.createContext("/crl/", this::serveCrl);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveCrl(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/crl/".length());
            byte[] body = switch (name) {
                case "root.crl" -> crl(root, rootKey.getPrivate(), Map.of());
                case "issuing.crl" -> crl(issuing, issuingKey.getPrivate(), revoked);
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate issuingCa() {
        return issuing;
    }

    /** Where this PKI's CRLs are served, e.g. {@code http://127.0.0.1:PORT/crl/issuing.crl}. */
    public String crlUrl(String name) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/crl/" + name;
    }

    /** An electronic seal certificate for the key and subject in a PEM PKCS#10 request (signature checked). */
    public X509Certificate issueSeal(String csrPem) {
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            var csr = new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject());
            if (!csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(csr.getPublicKey()))) {
                throw new IllegalArgumentException("CSR signature does not verify");
            }
            return issue(csr.getSubject(), csr.getPublicKey(),
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A time-stamping certificate (critical timeStamping EKU, as RFC 3161 requires). */
    public X509Certificate issueTimestamping(String subject, PublicKey key) {
        return issue(new X500Name(subject), key, new KeyUsage(KeyUsage.digitalSignature),
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    /** Lists the certificate on the issuing CA's CRL from now on. */
    public void revoke(X509Certificate certificate) {
        // A CRL carries whole seconds: a second back keeps the revocation before any validation time that follows.
        revoked.put(certificate.getSerialNumber(), Date.from(Instant.now().minusSeconds(1)));
    }

    /** leaf, issuing CA, root — as PEM. */
    public String chainPem(X509Certificate leaf) {
        return pem(List.of(leaf, issuing, root));
    }

    public static String pem(List<?> objects) {
        return io.longnam.kms.Pem.encode(objects);
    }

    private X509Certificate issue(X500Name subject, PublicKey key, KeyUsage usage, ExtendedKeyUsage eku) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing, serial(), notBefore(),
                    notAfter(CERT_LIFETIME), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, usage)
                    .addExtension(Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext().createAuthorityKeyIdentifier(issuing))
                    .addExtension(Extension.cRLDistributionPoints, false, crlDp("issuing.crl"));
            if (eku != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, eku);
            }
            return sign(builder, issuingKey.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] crl(X509Certificate ca, PrivateKey key, Map<BigInteger, Date> revokedSerials) {
        try {
            Date now = new Date();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), now);
            builder.setNextUpdate(new Date(now.getTime() + Duration.ofDays(1).toMillis()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext().createAuthorityKeyIdentifier(ca));
            for (Map.Entry<BigInteger, Date> entry : revokedSerials.entrySet()) {
                builder.addCRLEntry(entry.getKey(), entry.getValue(), CRLReason.keyCompromise);
            }
            X509CRL crl = new JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
            return crl.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private CRLDistPoint crlDp(String name) {
        GeneralNames uri = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl(name)));
        return new CRLDistPoint(new DistributionPoint[]{
                new DistributionPoint(new DistributionPointName(uri), null, null)});
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static JcaX509ExtensionUtils ext() throws GeneralSecurityException {
        return new JcaX509ExtensionUtils();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return BigInteger.valueOf(serials.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter(Duration lifetime) {
        return Date.from(Instant.now().plus(lifetime));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
