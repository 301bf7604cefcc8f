package io.longnam.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.testmail.SmtpTestResource;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disabling a failing endpoint mails the people who can fix it, and nobody else. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class WebhookDisabledMailTest {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void theOrganisationsWebhookAdminsAreMailedInThaiWhenAnEndpointIsDisabled() throws Exception {
        try (Receiver receiver = new Receiver(0)) {
            receiver.failAlways();
            Tenant school = Api.school("โรงเรียนแจ้งเตือน");
            Person admin = People.person("ครูผู้ดูแล");
            People.activated(school, admin, "ORG_ADMIN");
            Person registrar = People.person("ครูธุรการ");
            People.activated(school, registrar, "REGISTRAR");
            WebhookDeliveryTest.id(school, receiver.url(), "document.registered");
            Api.register(school, "failing");

            List<MimeMessage> mail = SmtpTestResource.awaitMail(admin.email(), PATIENCE);

            assertThat(mail).hasSize(1);
            MimeMessage m = mail.getFirst();
            assertThat(m.getSubject()).isEqualTo("ระงับ webhook ของ โรงเรียนแจ้งเตือน แล้ว (ลงนาม)");
            assertThat((String) m.getContent()).contains("เรียน ครูผู้ดูแล", receiver.url(), "ส่งไม่สำเร็จติดต่อกัน 6 ครั้ง");
            assertThat(SmtpTestResource.to(registrar.email())).as("REGISTRAR cannot manage webhooks").isEmpty();
        }
    }
}
