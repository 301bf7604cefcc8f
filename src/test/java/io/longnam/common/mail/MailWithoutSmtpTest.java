package io.longnam.common.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.longnam.support.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no SMTP host configured (the test default), mail is logged by recipient and subject, not sent. */
@QuarkusTest
class MailWithoutSmtpTest {

    @Inject
    MailOutbox outbox;
    @Inject
    AgroalDataSource db;

    @Test
    void withoutAnSmtpHostMailIsLoggedAndMarkedLoggedNotSent() throws Exception {
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue("nobody@school.example", "email-code",
                Locale.forLanguageTag("th"), Map.of("code", "123456", "minutes", 10, "name", "x")));

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Sql.count(db, "select count(*) from mail_outbox where id = ? and status = 'LOGGED'", id) == 0) {
            assertThat(System.nanoTime()).as("mail logged").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(Sql.count(db, "select count(*) from mail_outbox where id = ? and sent_at is null and data is null"
                + " and attempts = 1", id)).isEqualTo(1);
    }
}
