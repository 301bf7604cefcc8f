package io.longnam.testpki;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority over HTTP (ephemeral loopback port) whose certificate chains to a
 * {@link TestPki}. {@link #failing(boolean)} makes it answer HTTP 500. Close it to stop the server.
 */
public final class TestTsa implements AutoCloseable {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private final HttpServer server;
    private final X509Certificate certificate;
    private final TimeStampTokenGenerator tokens;
    private final AtomicLong serials = new AtomicLong(1);
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();

    public TestTsa(TestPki pki) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            certificate = pki.issueTimestamping("CN=Longnam Test TSA,O=Longnam Test,C=TH", key.getPublic());
            tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key.getPrivate(), certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(certificate, pki.issuingCa())));

            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-tsa-http");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/tsa", exchange -> {
                requests.incrementAndGet();
                try (exchange) {
                    if (failing.get()) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    byte[] body = respond(exchange.getRequestBody().readAllBytes());
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.tsp.TSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] respond(byte[] request) throws IOException {
        try {
            TimeStampRequest parsed = new TimeStampRequest(request);
            TimeStampResponseGenerator generator;
            synchronized (tokens) {
                generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
                return generator.generate(parsed, BigInteger.valueOf(serials.getAndIncrement()), new Date()).getEncoded();
            }
        } catch (org.bouncycastle.tsp.TSPException e) {
            throw new IOException(e);
        }
    }

    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/tsa";
    }

    /** While true, every request gets HTTP 500. */
    public void failing(boolean fail) {
        failing.set(fail);
    }

    /** Requests received so far, failed ones included. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
