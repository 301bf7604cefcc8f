package io.longnam.common.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.longnam.support.Sql;
import io.longnam.testmail.SmtpTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real SMTP server: what is queued in a committed transaction arrives, outages only delay it. */
@QuarkusTest
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class MailOutboxTest {

    static final Locale THAI = Locale.forLanguageTag("th-TH");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    MailOutbox outbox;
    @Inject
    AgroalDataSource db;

    @AfterEach
    void smtpBackUp() {
        SmtpTestResource.up();
    }

    @Test
    void queuedMailArrivesWithThaiSubjectAndBodyInUtf8() throws Exception {
        String to = recipient();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(to, "email-code", THAI,
                Map.of("code", "482913", "minutes", 10, "name", "ครูสมศรี ใจดี")));

        List<MimeMessage> mail = SmtpTestResource.awaitMail(to, PATIENCE);
        assertThat(mail).hasSize(1);
        MimeMessage m = mail.getFirst();
        assertThat(m.getSubject()).isEqualTo("รหัสยืนยันตัวตนก่อนลงนาม (ลงนาม)");
        assertThat(m.getContentType()).containsIgnoringCase("utf-8");
        assertThat((String) m.getContent()).contains("เรียน ครูสมศรี ใจดี", "รหัสยืนยันของท่านคือ 482913", "ภายใน 10 นาที");
        awaitStatus(id, "SENT");
        assertThat(Sql.count(db, "select count(*) from mail_outbox where id = ? and sent_at is not null and data is null", id))
                .as("sent_at recorded, the sealed data (holding the code) erased").isEqualTo(1);
    }

    @Test
    void englishIsChosenForAnEnglishLocale() throws Exception {
        String to = recipient();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(to, "email-code", Locale.ENGLISH,
                Map.of("code", "104729", "minutes", 10, "name", "Somsri")));

        MimeMessage m = SmtpTestResource.awaitMail(to, PATIENCE).getFirst();
        assertThat(m.getSubject()).isEqualTo("Your verification code for signing (longnam)");
        assertThat((String) m.getContent()).contains("Dear Somsri,", "Your verification code is 104729");
    }

    @Test
    void mailQueuedWhileTheSmtpServerIsDownArrivesAfterItComesBack() throws Exception {
        SmtpTestResource.down();
        String to = recipient();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(to, "email-code", THAI,
                Map.of("code", "777001", "minutes", 10, "name", "ผู้ลงนาม")));

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (Sql.count(db, "select count(*) from mail_outbox where id = ? and attempts >= 2 and last_error is not null"
                + " and status = 'PENDING'", id) == 0) {
            assertThat(System.nanoTime()).as("failed attempts recorded while SMTP is down").isLessThan(deadline);
            Thread.sleep(200);
        }
        SmtpTestResource.up();

        List<MimeMessage> mail = SmtpTestResource.awaitMail(to, PATIENCE);
        assertThat(mail).hasSize(1);
        assertThat((String) mail.getFirst().getContent()).contains("777001");
        awaitStatus(id, "SENT");
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String rolledBack = recipient();
        QuarkusTransaction.begin();
        outbox.enqueue(rolledBack, "email-code", THAI, Map.of("code", "000111", "minutes", 10, "name", "x"));
        QuarkusTransaction.rollback();
        // Queued after the rolled-back one: once it has arrived, the worker has had its chance at both.
        String marker = recipient();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(marker, "email-code", THAI,
                Map.of("code", "000222", "minutes", 10, "name", "x")));

        assertThat(SmtpTestResource.awaitMail(marker, PATIENCE)).hasSize(1);
        assertThat(SmtpTestResource.to(rolledBack)).isEmpty();
        assertThat(Sql.count(db, "select count(*) from mail_outbox where recipient = ?", rolledBack)).isZero();
    }

    @Test
    void mailStillFailingAfterTheGiveUpTimeIsMarkedFailedAndItsDataErased() throws Exception {
        SmtpTestResource.down();
        String to = recipient();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(to, "email-code", THAI,
                Map.of("code", "999000", "minutes", 10, "name", "x")));
        Sql.update(db, "update mail_outbox set created_at = now() - interval '3 days' where id = ?", id);

        awaitStatus(id, "FAILED");
        assertThat(Sql.count(db, "select count(*) from mail_outbox where id = ? and failed_at is not null and data is null"
                + " and last_error is not null and sent_at is null", id)).isEqualTo(1);
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.enqueue(recipient(), "email-code", THAI, Map.of("code", "1")))
                .isInstanceOf(TransactionalException.class);
    }

    private void awaitStatus(UUID id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (Sql.count(db, "select count(*) from mail_outbox where id = ? and status = ?", id, status) == 0) {
            assertThat(System.nanoTime()).as("mail " + id + " reaches " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String recipient() {
        return "signer-" + UUID.randomUUID() + "@school.example";
    }
}
