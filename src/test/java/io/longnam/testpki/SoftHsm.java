package io.longnam.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token for this test JVM.
 *
 * <p>SoftHSM reads its configuration path only from the {@code SOFTHSM2_CONF} environment variable, which a JVM
 * cannot set for itself, so surefire sets it (pom.xml, {@code target/softhsm/softhsm2.conf}). This fixture writes
 * that file pointing at a token directory next to it, wipes the directory and initialises one token with a unique
 * label. It happens once per JVM, before any SunPKCS11 provider loads the library: SoftHSM reads the token
 * directory when the library is initialised and does not see tokens created afterwards.
 */
public final class SoftHsm {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String UTIL = "softhsm2-util";

    private static final String LABEL_PROPERTY = "softhsm.test-token-label";
    private static final String PIN = "1234";
    private static SoftHsm shared;

    private final String tokenLabel;
    private final char[] pin;

    private SoftHsm(String tokenLabel, char[] pin) {
        this.tokenLabel = tokenLabel;
        this.pin = pin;
    }

    /**
     * The token of this JVM, created on first use. The label lives in a system property because Quarkus tests
     * load this class in their own class loader too, and a second initialisation would wipe the token that the
     * already-loaded PKCS#11 library (one per process) is using.
     */
    public static SoftHsm shared() {
        synchronized (System.class) {
            if (shared == null) {
                String label = System.getProperty(LABEL_PROPERTY);
                if (label == null) {
                    shared = initialise();
                    System.setProperty(LABEL_PROPERTY, shared.tokenLabel);
                } else {
                    shared = new SoftHsm(label, PIN.toCharArray());
                }
            }
            return shared;
        }
    }

    public String library() {
        return LIBRARY;
    }

    public String tokenLabel() {
        return tokenLabel;
    }

    public char[] pin() {
        return pin.clone();
    }

    private static SoftHsm initialise() {
        String confEnv = System.getenv("SOFTHSM2_CONF");
        if (confEnv == null || confEnv.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it to"
                    + " target/softhsm/softhsm2.conf) or set it to a writable path in your IDE's run configuration");
        }
        if (!Files.isReadable(Path.of(LIBRARY))) {
            throw new IllegalStateException(LIBRARY + " not found: install the Debian package softhsm2");
        }
        Path conf = Path.of(confEnv).toAbsolutePath();
        Path tokens = conf.resolveSibling("tokens");
        try {
            deleteRecursively(tokens);
            Files.createDirectories(tokens);
            Files.writeString(conf, """
                    directories.tokendir = %s
                    objectstore.backend = file
                    log.level = ERROR
                    slots.removable = false
                    """.formatted(tokens), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare SoftHSM directory " + tokens, e);
        }
        String label = "longnam-test-" + UUID.randomUUID().toString().substring(0, 8);
        run(conf, UTIL, "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", "5678");
        return new SoftHsm(label, PIN.toCharArray());
    }

    private static void run(Path conf, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command[0], command[1]) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(UTIL + " could not be run: install the Debian package softhsm2", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initialising SoftHSM", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return "SoftHsm[token=" + tokenLabel + "]";
    }
}
