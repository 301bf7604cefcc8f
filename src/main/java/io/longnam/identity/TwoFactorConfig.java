package io.longnam.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code longnam.two-factor.*}: step-up grants, e-mail codes and the throttle on wrong codes. */
@ConfigMapping(prefix = "longnam.two-factor")
public interface TwoFactorConfig {

    /** How long a step-up grant opens approvals; one grant serves a whole bulk approval. */
    @WithDefault("PT5M")
    Duration grantLifetime();

    @WithDefault("PT10M")
    Duration emailCodeLifetime();

    /** Wrong codes one user may enter within {@link #failureWindow} before further attempts answer 429. */
    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT15M")
    Duration failureWindow();

    /** E-mail codes one user may request within {@link #failureWindow}, so nobody floods a mailbox. */
    @WithDefault("5")
    int emailCodesPerWindow();

    /** The issuer an authenticator app shows next to the account. */
    @WithDefault("longnam")
    String issuer();
}
