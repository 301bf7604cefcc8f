package io.longnam.testpki;

import io.longnam.signing.TsaConfig;
import java.time.Duration;
import java.util.Optional;

/** {@link TsaConfig} without Quarkus: the record's accessors implement the mapping interface. */
public record TestTsaConfig(Optional<String> url, Optional<String> username, Optional<String> password,
                            Duration timeout) implements TsaConfig {

    public static TestTsaConfig of(String url) {
        return new TestTsaConfig(Optional.of(url), Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }

    public static TestTsaConfig none() {
        return new TestTsaConfig(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }
}
