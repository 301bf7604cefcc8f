package io.longnam.testpki;

import io.longnam.signing.SigningConfig;

/** {@link SigningConfig} without Quarkus, one per engine. */
public record TestSigningConfig(Engine engine) implements SigningConfig {

    public static final TestSigningConfig LEAN = new TestSigningConfig(Engine.LEAN);
    public static final TestSigningConfig DSS = new TestSigningConfig(Engine.DSS);
}
