package io.longnam.common.mail;

import io.longnam.common.mail.MailOutbox.Claimed;
import io.longnam.common.mail.MailTemplates.Rendered;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends queued mail: claims due rows (several instances share the work), renders and sends each outside any
 * transaction, and records the outcome. Delivery is at least once: a crash between the SMTP answer and the update
 * sends that one mail again after the lease.
 *
 * <p>Without an SMTP host ({@code QUARKUS_MAILER_HOST}) nothing is sent: each mail is logged by recipient and subject
 * only (never the body, which may hold a code) and marked LOGGED.
 */
@ApplicationScoped
public class MailWorker {

    @Inject
    MailOutbox outbox;
    @Inject
    MailTemplates templates;
    @Inject
    Mailer mailer;
    @Inject
    MailConfig config;

    private final boolean smtpConfigured = smtpHostConfigured();

    @Scheduled(every = "${longnam.mail.poll-every:3s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        int n;
        do {
            n = deliverBatch();
        } while (n == config.batchSize());
    }

    /** One claim's worth of mail; answers how many were claimed. */
    int deliverBatch() {
        List<Claimed> claimed = outbox.claim(config.batchSize());
        for (Claimed c : claimed) {
            deliver(c);
        }
        return claimed.size();
    }

    private void deliver(Claimed c) {
        try {
            Rendered mail = templates.render(c.template(), c.language(), c.data());
            if (!smtpConfigured) {
                Log.infof("mail %s not sent (no SMTP host configured): to %s, subject \"%s\"", c.id(), c.recipient(),
                        mail.subject());
                outbox.delivered(c, OutboxMail.Status.LOGGED);
                return;
            }
            mailer.send(Mail.withText(c.recipient(), mail.subject(), mail.body()));
            outbox.delivered(c, OutboxMail.Status.SENT);
        } catch (RuntimeException e) {
            OutboxMail.Status now = outbox.failed(c, shortError(e));
            if (now == OutboxMail.Status.FAILED) {
                Log.warnf("mail %s to %s given up after %d attempts: %s", c.id(), c.recipient(), c.attempt(), shortError(e));
            } else {
                Log.debugf("mail %s attempt %d failed: %s", c.id(), c.attempt(), shortError(e));
            }
        }
    }

    /** The innermost message, one line: enough to tell an outage from a refused address, never a stack. */
    static String shortError(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "no message" : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /**
     * Whether {@code quarkus.mailer.host} was set anywhere (environment, properties) rather than left at the
     * extension's built-in {@code localhost}, which would send to whatever listens there.
     */
    static boolean smtpHostConfigured() {
        ConfigValue host = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigValue("quarkus.mailer.host");
        return host.getValue() != null && !host.getValue().isBlank() && host.getConfigSourceOrdinal() > Integer.MIN_VALUE
                && !String.valueOf(host.getConfigSourceName()).contains("Default");
    }
}
