package io.longnam.testoidc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real Keycloak for the OIDC tests, from the distribution Maven unpacks into {@code target/keycloak-dist}. It is
 * started once and left running: a later test run (of this checkout) finds it through the port file and reuses it,
 * saving the ~25 s start. Its data, including the realm's signing key that tests use to forge tokens with valid
 * signatures, lives under {@code target/}; its process id is in {@code data/longnam/pid} there, to stop it by hand.
 */
public final class Keycloak {

    public static final String REALM = "longnam";
    public static final String CLIENT = "longnam-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Keycloak shared;

    private final String baseUrl;
    private final RSAPrivateKey realmKey;
    private String realmKid;

    private Keycloak(String baseUrl, RSAPrivateKey realmKey) {
        this.baseUrl = baseUrl;
        this.realmKey = realmKey;
    }

    public static synchronized Keycloak shared() {
        if (shared == null) {
            shared = startOrReuse();
        }
        return shared;
    }

    public String realmUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    /** The private half of the realm's active RS256 key. */
    public RSAPrivateKey realmKey() {
        return realmKey;
    }

    /** The key id Keycloak publishes for {@link #realmKey}, which a forged token's header must name. */
    public synchronized String realmKid() {
        if (realmKid == null) {
            try {
                String jwks = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/certs"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
                BigInteger modulus = ((RSAPrivateCrtKey) realmKey).getModulus();
                for (com.fasterxml.jackson.databind.JsonNode k : new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(jwks).path("keys")) {
                    if (k.has("n") && new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText())).equals(modulus)) {
                        realmKid = k.path("kid").asText();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (realmKid == null) {
                throw new IllegalStateException("the realm publishes no key matching its signing key");
            }
        }
        return realmKid;
    }

    private static Keycloak startOrReuse() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-dist/keycloak-26.0.7")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home + ": run the tests through Maven, whose"
                    + " process-test-resources phase unpacks org.keycloak:keycloak-quarkus-dist there");
        }
        try {
            Path state = Files.createDirectories(home.resolve("data/longnam"));
            String realm = realmTemplate();
            String realmHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(realm.getBytes(StandardCharsets.UTF_8)));
            KeyPair key = realmKey(state);
            Path portFile = state.resolve("port");
            Path hashFile = state.resolve("realm.sha256");
            boolean sameRealm = Files.exists(hashFile) && Files.readString(hashFile).equals(realmHash);
            if (sameRealm && Files.exists(portFile)) {
                String url = "http://127.0.0.1:" + Files.readString(portFile).strip();
                if (answers(url)) {
                    return new Keycloak(url, (RSAPrivateKey) key.getPrivate());
                }
            }
            stopPrevious(state);
            if (!sameRealm) {
                // The realm is imported only into an empty database; a changed realm file needs a fresh one.
                deleteTree(home.resolve("data/h2"));
            }
            Files.writeString(hashFile, realmHash);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve(REALM + "-realm.json"), realm
                    .replace("@PRIVATE_KEY@", Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()))
                    .replace("@CERTIFICATE@", certificate(key)));
            int port = freePort();
            Path log = state.resolve("keycloak.log");
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port", String.valueOf(port), "--http-management-port", String.valueOf(freePort()),
                    "--import-realm")
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // Keycloak 26.0's ByteBuddy does not know class files newer than Java 23 without this.
            pb.environment().put("JAVA_OPTS_APPEND", "-Dnet.bytebuddy.experimental=true");
            Process process = pb.start();
            Files.writeString(state.resolve("pid"), String.valueOf(process.pid()));
            // Developers reuse it across runs; CI (LONGNAM_TEST_KEYCLOAK_KEEP=false) leaves no process behind.
            if ("false".equals(System.getenv("LONGNAM_TEST_KEYCLOAK_KEEP"))) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                }));
            }
            String url = "http://127.0.0.1:" + port;
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!answers(url)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting;"
                            + " last lines of " + log + ":\n" + tail(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT.toSeconds()
                            + " s; last lines of " + log + ":\n" + tail(log));
                }
                Thread.sleep(500);
            }
            Files.writeString(portFile, String.valueOf(port));
            return new Keycloak(url, (RSAPrivateKey) key.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/realms/" + REALM
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A Keycloak this fixture started earlier that no longer answers (or has the wrong realm) is ended by its pid. */
    private static void stopPrevious(Path state) throws IOException, InterruptedException {
        Path pidFile = state.resolve("pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains("keycloak")) {
            handle.get().destroy();
            try {
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the previous test Keycloak (pid " + pid + ") did not stop", e);
            }
        }
        Files.delete(pidFile);
    }

    private static KeyPair realmKey(Path state) throws IOException, java.security.GeneralSecurityException {
        Path file = state.resolve("realm-key.pk8");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (!Files.exists(file)) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            Files.write(file, g.generateKeyPair().getPrivate().getEncoded());
        }
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent())), priv);
    }

    private static String certificate(KeyPair key) throws java.security.GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        X500Name name = new X500Name("CN=" + REALM);
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
        return Base64.getEncoder().encodeToString(new JcaX509CertificateConverter().getCertificate(holder).getEncoded());
    }

    private static String realmTemplate() throws IOException {
        try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/longnam-realm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
