package io.longnam.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longnam.testpki.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pkcs11KeyProviderTest {

    static Pkcs11KeyProvider provider;

    @BeforeAll
    static void open() {
        SoftHsm hsm = SoftHsm.shared();
        provider = new Pkcs11KeyProvider(hsm.library(), hsm.tokenLabel(), hsm.pin());
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    @Test
    void generatesKeysOnTheTokenThatVerifyWithTheirPublicKey() throws Exception {
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            GeneratedKey key = provider.generate("gen-" + alg, alg);
            assertThat(key.keyRef()).isEqualTo("gen-" + alg);
            byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
            byte[] sig = provider.sign(key.keyRef(), alg, data);
            Signature v = Signature.getInstance(alg.jcaSignatureAlgorithm());
            v.initVerify(provider.publicKey(key.keyRef()));
            v.update(data);
            assertThat(v.verify(sig)).as(alg.name()).isTrue();
            assertThat(provider.describe(key.keyRef()).algorithm()).isEqualTo(alg);
            assertThat(provider.describe(key.keyRef()).hardwareBacked()).isTrue();
        }
    }

    @Test
    void keysSurviveReopeningTheTokenAndALogoutIsRecoveredFrom() {
        GeneratedKey key = provider.generate("persistent", KeyAlgorithm.EC_P256);
        SoftHsm hsm = SoftHsm.shared();
        try (Pkcs11KeyProvider second = new Pkcs11KeyProvider(hsm.library(), hsm.tokenLabel(), hsm.pin())) {
            assertThat(second.publicKey(key.keyRef())).isEqualTo(key.publicKey());
            assertThat(second.sign(key.keyRef(), KeyAlgorithm.EC_P256, new byte[]{1})).isNotEmpty();
        }
        // closing the second provider logged the whole process out of the token
        assertThat(provider.sign(key.keyRef(), KeyAlgorithm.EC_P256, new byte[]{1})).isNotEmpty();
        assertThat(provider.generate("after-logout", KeyAlgorithm.EC_P256).keyRef()).isEqualTo("after-logout");
    }

    @Test
    void refusesADuplicateLabelAndForgetsDisabledKeys() {
        GeneratedKey key = provider.generate("dup", KeyAlgorithm.RSA_2048);
        assertThatThrownBy(() -> provider.generate("dup", KeyAlgorithm.RSA_2048)).isInstanceOf(KmsException.class)
                .hasMessageContaining("already holds");
        provider.disable(key.keyRef());
        assertThatThrownBy(() -> provider.sign(key.keyRef(), KeyAlgorithm.RSA_2048, new byte[]{1}))
                .isInstanceOf(KmsException.class).hasMessageContaining("no key labelled");
    }

    @Test
    void unknownTokenLabelIsReportedAsUnavailable() {
        assertThatThrownBy(() -> new Pkcs11KeyProvider(SoftHsm.LIBRARY, "no-such-token", "1234".toCharArray()))
                .isInstanceOf(KmsUnavailableException.class).hasMessageContaining("no-such-token");
    }

    @Test
    void toStringShowsNoPin() {
        assertThat(provider.toString()).doesNotContain("1234").contains(SoftHsm.shared().tokenLabel());
    }
}
