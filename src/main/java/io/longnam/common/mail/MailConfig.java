package io.longnam.common.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code longnam.mail.*}: how the outbox worker sends; SMTP itself is the standard {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "longnam.mail")
public interface MailConfig {

    /** How often the worker looks for due mail (Quarkus scheduler syntax). */
    @WithDefault("3s")
    String pollEvery();

    /** Mails one claim takes; the worker claims again at once while batches come back full. */
    @WithDefault("20")
    int batchSize();

    /** How long a claimed mail stays this instance's; a crash mid-send leaves it due again after this. */
    @WithDefault("PT2M")
    Duration lease();

    /** Wait before the second attempt; each further failure doubles it (with jitter) up to {@link #maxBackoff}. */
    @WithDefault("PT5S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** A mail still failing this long after it was queued is marked FAILED and no longer tried. */
    @WithDefault("P2D")
    Duration giveUpAfter();
}
