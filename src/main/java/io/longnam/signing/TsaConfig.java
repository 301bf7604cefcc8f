package io.longnam.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code longnam.tsa.*}: the RFC 3161 time-stamp authority used for B-T and higher. */
@ConfigMapping(prefix = "longnam.tsa")
public interface TsaConfig {

    /** {@code LONGNAM_TSA_URL}; without it only B-B seals can be made. */
    Optional<String> url();

    /** Whether time-stamped levels (B-T and above) can be made at all. */
    default boolean configured() {
        return url().filter(u -> !u.isBlank()).isPresent();
    }

    Optional<String> username();

    Optional<String> password();

    /** Connect and response timeout for each request. */
    @WithDefault("10s")
    Duration timeout();
}
