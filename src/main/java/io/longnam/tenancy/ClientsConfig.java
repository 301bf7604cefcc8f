package io.longnam.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code longnam.clients.*}: agency clients' tokens. */
@ConfigMapping(prefix = "longnam.clients")
public interface ClientsConfig {

    /** How long a client-credentials token works; short, because a leaked one works until then. */
    @WithDefault("PT10M")
    Duration tokenLifetime();

    /** Failed client authentications per client id, and per address, per minute before the endpoint refuses. */
    @WithDefault("10")
    int failuresPerMinute();
}
