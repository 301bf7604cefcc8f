package io.longnam.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyProvidersTest {

    record Software(boolean enabled, Optional<String> masterKey) implements KmsConfig.Software {
    }

    record Pkcs11(boolean enabled, Optional<String> library, Optional<String> tokenLabel, Optional<String> pin)
            implements KmsConfig.Pkcs11 {
    }

    record Config(KmsConfig.Software software, KmsConfig.Pkcs11 pkcs11) implements KmsConfig {
    }

    static final Pkcs11 NO_PKCS11 = new Pkcs11(false, Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void productionRefusesToStartWithoutAMasterKey() {
        var config = new Config(new Software(true, Optional.empty()), NO_PKCS11);
        assertThatThrownBy(() -> new KeyProviders(config, LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LONGNAM_KMS_SOFTWARE_MASTER_KEY");
    }

    @Test
    void devModeFallsBackToAFixedDevelopmentKey() {
        var config = new Config(new Software(true, Optional.empty()), NO_PKCS11);
        String keyRef = new KeyProviders(config, LaunchMode.DEVELOPMENT).get("software")
                .generate("dev", KeyAlgorithm.EC_P256).keyRef();
        assertThat(new KeyProviders(config, LaunchMode.TEST).get("software").publicKey(keyRef)).isNotNull();
    }

    @Test
    void configuredMasterKeyIsUsedAndProvidersAreFoundByName() {
        var config = new Config(new Software(true, Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")), NO_PKCS11);
        KeyProviders providers = new KeyProviders(config, LaunchMode.NORMAL);
        assertThat(providers.names()).containsExactly("software");
        assertThatThrownBy(() -> providers.get("pkcs11")).isInstanceOf(KmsException.class).hasMessageContaining("not enabled");
        assertThat(providers.toString()).doesNotContain("AAAAAAAA");
    }

    @Test
    void pkcs11WithoutLibraryIsAConfigurationError() {
        var config = new Config(new Software(false, Optional.empty()),
                new Pkcs11(true, Optional.empty(), Optional.of("t"), Optional.of("1")));
        assertThatThrownBy(() -> new KeyProviders(config, LaunchMode.NORMAL)).hasMessageContaining("pkcs11.library");
    }
}
