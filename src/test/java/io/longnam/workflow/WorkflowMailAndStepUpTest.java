package io.longnam.workflow;

import static io.longnam.workflow.Chains.approve;
import static io.longnam.workflow.Chains.box;
import static io.longnam.workflow.Chains.created;
import static io.longnam.workflow.Chains.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.longnam.support.Keys;
import io.longnam.support.People.Person;
import io.longnam.support.TestPdfs;
import io.longnam.testmail.SmtpTestResource;
import io.longnam.testoidc.KeycloakTestResource;
import io.longnam.testpki.SigningFixture;
import io.longnam.testpki.SigningTestResource;
import io.longnam.workflow.Chains.School;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** Two factors before signing where the organisation asks for them (TOR 2.5.6), and the chain's mails (TOR 2.5.9). */
@QuarkusTest
@QuarkusTestResource(SigningTestResource.class)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class WorkflowMailAndStepUpTest {

    SigningFixture signing;

    @Test
    void approvingNeedsAStepUpGrantOnlyWhenTheOrganisationRequiresTwoFactor() {
        School s = Chains.school("โรงเรียนสองชั้น", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("two factors"), null);
        String wf = created(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        approve(s.signer(0), wf).then().statusCode(200);

        s.admin().as().contentType(ContentType.JSON).body(Map.of("twoFactorRequired", true))
                .patch("/api/v1/organizations/{id}/settings", s.admin().orgId()).then().statusCode(200);
        approve(s.signer(1), wf).then().statusCode(403).body("type", equalTo("https://longnam.io/problems/step-up-required"));
        s.signer(1).as().contentType(ContentType.JSON).body(Map.of("documentType", "OTHER"))
                .post("/api/v1/workflows/approvals").then().statusCode(403)
                .body("type", equalTo("https://longnam.io/problems/step-up-required"));
        assertThat(Chains.workflow(s.creator(), wf).getInt("currentStep")).isEqualTo(2);

        String grant = stepUp(s.signer(1));
        s.signer(1).as().header("X-Step-Up", grant).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/workflows/{id}/approve", wf).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void signersHearWhenAStepWaitsOnThemAndTheCreatorOfRejectionAndCompletion() throws Exception {
        School s = Chains.school("โรงเรียนแจ้งเตือน", 2);
        Keys.enrol(s.admin(), signing.pki(), "software", "RSA_2048");
        UUID doc = Chains.register(s.creator(), TestPdfs.onePage("mail"), null);
        String wf = created(s.creator(), doc, false, List.of(step("ANY", box(1, 50, 100), s.signerIds().get(0)),
                step("ANY", box(1, 300, 100), s.signerIds().get(1))));
        assertThat(text(SmtpTestResource.awaitMail(s.signer(0).email(), Duration.ofSeconds(20)))).contains("รอการอนุมัติของท่านในขั้นที่ 1");
        assertThat(SmtpTestResource.to(s.signer(1).email())).isEmpty();

        approve(s.signer(0), wf).then().statusCode(200);
        assertThat(text(SmtpTestResource.awaitMail(s.signer(1).email(), Duration.ofSeconds(20)))).contains("ขั้นที่ 2");
        s.signer(1).as().contentType(ContentType.JSON).body(Map.of("reason", "ลายมือชื่อผู้ปกครองไม่ครบ"))
                .post("/api/v1/workflows/{id}/reject", wf).then().statusCode(200);
        assertThat(text(SmtpTestResource.awaitMail(s.creator().email(), Duration.ofSeconds(20))))
                .contains("ลายมือชื่อผู้ปกครองไม่ครบ");

        s.creator().as().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/workflows/{id}/resubmission", wf)
                .then().statusCode(200);
        approve(s.signer(0), wf).then().statusCode(200);
        approve(s.signer(1), wf).then().statusCode(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (SmtpTestResource.to(s.creator().email()).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<MimeMessage> toCreator = SmtpTestResource.to(s.creator().email());
        assertThat(toCreator).hasSize(2);
        assertThat(text(List.of(toCreator.get(1)))).contains("ลงนามครบทุกขั้นแล้ว");
    }

    private static String text(List<MimeMessage> messages) throws Exception {
        assertThat(messages).isNotEmpty();
        MimeMessage m = messages.getLast();
        return m.getSubject() + "\n" + m.getContent();
    }

    private static String stepUp(Person p) {
        String secret = p.as().post("/api/v1/me/two-factor/totp").then().statusCode(201).extract().path("secret");
        p.as().contentType(ContentType.JSON).body(Map.of("code", totp(secret, 0)))
                .post("/api/v1/me/two-factor/totp/confirmation").then().statusCode(200);
        return p.as().contentType(ContentType.JSON).body(Map.of("method", "TOTP", "code", totp(secret, 1)))
                .post("/api/v1/me/step-up").then().statusCode(201).extract().path("grant");
    }

    private static String totp(String base32Secret, int stepsAhead) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"),
                    Instant.now().plusSeconds(30L * stepsAhead), java.util.Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
