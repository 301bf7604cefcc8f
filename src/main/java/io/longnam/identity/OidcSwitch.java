package io.longnam.identity;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches the default OIDC provider on exactly when {@code quarkus.oidc.auth-server-url} is set. Quarkus refuses to
 * start an enabled tenant without a URL, and a fixed {@code tenant-enabled} would make every deployment state the
 * same fact twice. Its ordinal sits below application.properties and the environment, so an explicit
 * {@code QUARKUS_OIDC_TENANT_ENABLED} still wins.
 */
public class OidcSwitch implements ConfigSourceFactory {

    static final String URL = "quarkus.oidc.auth-server-url";
    static final String ENABLED = "quarkus.oidc.tenant-enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank();
        return List.of(new PropertiesConfigSource(Map.of(ENABLED, String.valueOf(configured)), "longnam-oidc-switch", 50));
    }
}
