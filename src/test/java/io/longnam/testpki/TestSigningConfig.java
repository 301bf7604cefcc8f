package io.longnam.testpki;

import io.longnam.signing.SigningConfig;
import java.time.Duration;
import java.util.OptionalInt;

/** {@link SigningConfig} without Quarkus, one per engine, with the default gate. */
public record TestSigningConfig(Engine engine) implements SigningConfig {

    public static final TestSigningConfig LEAN = new TestSigningConfig(Engine.LEAN);
    public static final TestSigningConfig DSS = new TestSigningConfig(Engine.DSS);

    @Override
    public OptionalInt concurrent() {
        return OptionalInt.empty();
    }

    @Override
    public Duration queueWait() {
        return Duration.ofSeconds(30);
    }
}
