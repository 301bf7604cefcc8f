package io.longnam.testpki;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real parts signing tests run against, started once for the whole test run: a SoftHSM2 token behind
 * SunPKCS11, a test CA that publishes CRLs over HTTP, and an RFC 3161 TSA. Tests reach them through a
 * {@link SigningFixture} field.
 */
public class SigningTestResource implements QuarkusTestResourceLifecycleManager {

    private TestPki pki;
    private TestTsa tsa;

    @Override
    public Map<String, String> start() {
        SoftHsm hsm = SoftHsm.shared();
        pki = new TestPki();
        tsa = new TestTsa(pki);
        Path anchors = Path.of("target", "test-trust-anchors.pem").toAbsolutePath();
        try {
            Files.createDirectories(anchors.getParent());
            Files.writeString(anchors, TestPki.pem(List.of(pki.root())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "longnam.kms.pkcs11.enabled", "true",
                "longnam.kms.pkcs11.library", hsm.library(),
                "longnam.kms.pkcs11.token-label", hsm.tokenLabel(),
                "longnam.kms.pkcs11.pin", new String(hsm.pin()),
                "longnam.tsa.url", tsa.url(),
                "longnam.trust-anchors", anchors.toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new SigningFixture(pki, tsa), new TestInjector.MatchesType(SigningFixture.class));
    }

    @Override
    public void stop() {
        if (tsa != null) {
            tsa.close();
        }
        if (pki != null) {
            pki.close();
        }
    }
}
