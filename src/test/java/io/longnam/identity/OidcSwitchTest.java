package io.longnam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcSwitchTest {

    private static boolean enabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new OidcSwitch()).build();
        return config.getValue(OidcSwitch.ENABLED, Boolean.class);
    }

    @Test
    void theDefaultProviderIsOnExactlyWhenItsUrlIsSet() {
        assertThat(enabled(Map.of())).isFalse();
        assertThat(enabled(Map.of(OidcSwitch.URL, " "))).isFalse();
        assertThat(enabled(Map.of(OidcSwitch.URL, "https://sso.example/realms/moe"))).isTrue();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(enabled(Map.of(OidcSwitch.URL, "https://sso.example/realms/moe", OidcSwitch.ENABLED, "false"))).isFalse();
    }
}
