package io.longnam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.agroal.api.AgroalDataSource;
import io.longnam.common.ProblemException;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.support.Sql;
import io.longnam.testmail.SmtpTestResource;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * Two-factor step-up before signing (TOR 2.5.6): TOTP computed here with java-otp from the enrolment's secret, e-mail
 * codes read from a real SMTP server, and {@link StepUpService#require} called as the workflow will call it.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class TwoFactorTest {

    @Inject
    StepUpService stepUp;
    @Inject
    AgroalDataSource db;

    @Test
    void enrolsAnAuthenticatorWithAnOtpauthUriAndActivatesItWithAFirstCode() {
        Tenant school = Api.school("โรงเรียนสองชั้น");
        Person signer = People.person("ครูสมศรี");
        People.activated(school, signer, "SIGNER");

        Response started = signer.as().post("/api/v1/me/two-factor/totp").then().statusCode(201)
                .header("Location", startsWith("http")).extract().response();
        String secret = started.path("secret");
        URI uri = URI.create(started.path("otpauthUri"));
        assertThat(uri.getScheme()).isEqualTo("otpauth");
        assertThat(uri.getHost()).isEqualTo("totp");
        assertThat(uri.getQuery()).contains("secret=" + secret, "issuer=longnam", "digits=6", "period=30", "algorithm=SHA1");
        assertThat(new Base32().decode(secret)).hasSize(20);
        signer.as().get("/api/v1/me/two-factor").then().statusCode(200).body("totp", equalTo("PENDING"));

        signer.as().contentType(ContentType.JSON).body(Map.of("code", wrong(secret)))
                .post("/api/v1/me/two-factor/totp/confirmation").then().statusCode(422)
                .body("type", startsWith("https://")).body("type", org.hamcrest.Matchers.endsWith("two-factor-code-invalid"));
        signer.as().contentType(ContentType.JSON).body(Map.of("code", totp(secret, 0)))
                .post("/api/v1/me/two-factor/totp/confirmation").then().statusCode(200)
                .body("totp", equalTo("ACTIVE")).body("totpConfirmedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(Sql.count(db, "select count(*) from totp_enrolment where user_id = ?::uuid and position(?::bytea in secret) = 0",
                signer.userId(), secret.getBytes())).as("the secret is stored sealed, not as given").isEqualTo(1);
        signer.as().post("/api/v1/me/two-factor/totp").then().statusCode(409);
    }

    @Test
    void aTotpCodeBuysAGrantThatRequireAcceptsManyTimesWhileItLives() {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูผู้อนุมัติ");
        UUID userId = UUID.fromString(People.activated(school, signer, "SIGNER"));
        String secret = enrolled(signer);

        Response r = signer.as().contentType(ContentType.JSON).body(Map.of("method", "TOTP", "code", totp(secret, 1)))
                .post("/api/v1/me/step-up").then().statusCode(201).body("header", equalTo("X-Step-Up"))
                .body("method", equalTo("TOTP")).extract().response();
        String grant = r.path("grant");
        Instant expiresAt = Instant.parse(r.path("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(4)), Instant.now().plus(Duration.ofMinutes(6)));

        Caller caller = person(userId, school);
        stepUp.require(caller, grant);
        stepUp.require(caller, grant);
        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'two-factor.verified' and target_id = ?",
                userId.toString())).isEqualTo(1);
    }

    @Test
    void aTotpCodeAlreadyAcceptedIsRefusedAsAReplay() {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูทดสอบซ้ำ");
        String userId = People.activated(school, signer, "SIGNER");
        String secret = enrolled(signer);
        String code = totp(secret, 1);

        stepUpWith(signer, "TOTP", code).then().statusCode(201);
        stepUpWith(signer, "TOTP", code).then().statusCode(422);
        // The step the enrolment was confirmed with is older still.
        stepUpWith(signer, "TOTP", totp(secret, 0)).then().statusCode(422);
        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'two-factor.failed' and target_id = ?"
                + " and details::jsonb->>'reason' = 'replayed'", userId)).isEqualTo(2);
    }

    @Test
    void wrongCodesAreAuditedAndAfterFiveEvenARightOneWaits() {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูพิมพ์ผิด");
        String userId = People.activated(school, signer, "SIGNER");
        String secret = enrolled(signer);

        for (int i = 0; i < 5; i++) {
            stepUpWith(signer, "TOTP", wrong(secret)).then().statusCode(422);
        }
        Response throttled = stepUpWith(signer, "TOTP", totp(secret, 1));
        throttled.then().statusCode(429).contentType(startsWith("application/problem+json"));
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
        stepUpWith(signer, "EMAIL", "123456").then().statusCode(429);

        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'two-factor.failed' and target_id = ?"
                + " and details::jsonb->>'method' = 'TOTP' and details::jsonb->>'reason' = 'wrong-code'", userId)).isEqualTo(5);
        assertThat(Sql.count(db, "select count(*) from two_factor_failure where user_id = ?::uuid", userId))
                .as("the count lives in PostgreSQL, so a restart or another instance does not reset it").isEqualTo(5);
    }

    @Test
    void aCodeMailedToTheSignerBuysAGrantOnce() throws Exception {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูรับอีเมล");
        UUID userId = UUID.fromString(People.activated(school, signer, "SIGNER"));

        signer.as().header("Accept-Language", "th-TH,th;q=0.9,en;q=0.5").post("/api/v1/me/two-factor/email-codes")
                .then().statusCode(202).body("sentTo", equalTo(signer.email()));
        List<MimeMessage> mail = SmtpTestResource.awaitMail(signer.email(), Duration.ofSeconds(20));
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).isEqualTo("รหัสยืนยันตัวตนก่อนลงนาม (ลงนาม)");
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher((String) mail.getFirst().getContent());
        assertThat(m.find()).isTrue();
        String code = m.group(1);

        String grant = stepUpWith(signer, "EMAIL", code).then().statusCode(201).extract().path("grant");
        stepUp.require(person(userId, school), grant);
        stepUpWith(signer, "EMAIL", code).then().statusCode(422);
        assertThat(Sql.count(db, "select count(*) from email_code where user_id = ? and position(?::bytea in code_hash) = 0",
                userId, code.getBytes())).as("the code is stored as an HMAC").isEqualTo(1);
    }

    @Test
    void anExpiredGrantIsRefused() {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูหมดเวลา");
        UUID userId = UUID.fromString(People.activated(school, signer, "SIGNER"));
        String secret = enrolled(signer);
        String grant = stepUpWith(signer, "TOTP", totp(secret, 1)).then().statusCode(201).extract().path("grant");

        Sql.update(db, "update step_up_grant set expires_at = now() - interval '1 second' where user_id = ?", userId);

        assertStepUpRequired(() -> stepUp.require(person(userId, school), grant), "expired");
    }

    @Test
    void anotherPersonsGrantIsRefused() {
        Tenant school = twoFactorSchool();
        Person owner = People.person("ครูเจ้าของรหัส");
        People.activated(school, owner, "SIGNER");
        Person other = People.person("ครูคนอื่น");
        UUID otherId = UUID.fromString(People.activated(school, other, "SIGNER"));
        String grant = stepUpWith(owner, "TOTP", totp(enrolled(owner), 1)).then().statusCode(201).extract().path("grant");

        assertStepUpRequired(() -> stepUp.require(person(otherId, school), grant), "another person");
        assertStepUpRequired(() -> stepUp.require(person(otherId, school), null), "no step-up grant");
    }

    @Test
    void whereTwoFactorIsOffRequireLetsEveryCallerThrough() {
        Tenant school = Api.school("โรงเรียนไม่ใช้สองชั้น");
        Person signer = People.person("ครูทั่วไป");
        UUID userId = UUID.fromString(People.activated(school, signer, "SIGNER"));

        stepUp.require(person(userId, school), null);
        stepUp.require(new Caller("apikey:ln_test", school.orgId(), "/", Set.of(Role.SIGNER)), null);
        signer.as().get("/api/v1/me/two-factor").then().statusCode(200).body("required", equalTo(false));
    }

    @Test
    void whereTwoFactorIsOnKeysAndClientsCannotApprove() {
        Tenant school = twoFactorSchool();

        assertStepUpRequired(() -> stepUp.require(new Caller("apikey:ln_test", school.orgId(), "/", Set.of(Role.SIGNER)),
                "anything"), "person must approve");
        school.as().get("/api/v1/me/two-factor").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("not-a-person"));
    }

    @Test
    void theOrganisationSettingIsShownAndAudited() {
        Tenant school = Api.school("โรงเรียนตั้งค่า");
        school.as().contentType(ContentType.JSON).body(Map.of("twoFactorRequired", true))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200)
                .body("settings.twoFactorRequired", equalTo(true));
        school.as().get("/api/v1/organizations/{id}", school.orgId()).then().body("settings.twoFactorRequired", equalTo(true));
        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'organization.settings-changed'"
                + " and target_id = ? and details::jsonb->>'twoFactorRequired' = 'true'", school.orgId().toString())).isEqualTo(1);
    }

    @Test
    void anActiveAuthenticatorIsRemovedOnlyWithAStepUp() {
        Tenant school = twoFactorSchool();
        Person signer = People.person("ครูเปลี่ยนโทรศัพท์");
        People.activated(school, signer, "SIGNER");
        String secret = enrolled(signer);

        signer.as().delete("/api/v1/me/two-factor/totp").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("step-up-required"));
        String grant = stepUpWith(signer, "TOTP", totp(secret, 1)).then().statusCode(201).extract().path("grant");
        signer.as().header("X-Step-Up", grant).delete("/api/v1/me/two-factor/totp").then().statusCode(204);
        signer.as().get("/api/v1/me/two-factor").then().body("totp", equalTo("NONE"));
    }

    // --- helpers ---

    private static Tenant twoFactorSchool() {
        Tenant school = Api.school("โรงเรียนยืนยันสองชั้น");
        school.as().contentType(ContentType.JSON).body(Map.of("twoFactorRequired", true))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200);
        return school;
    }

    /** Enrols and confirms an authenticator with the current step's code; answers its secret (base32). */
    private static String enrolled(Person p) {
        String secret = p.as().post("/api/v1/me/two-factor/totp").then().statusCode(201).extract().path("secret");
        p.as().contentType(ContentType.JSON).body(Map.of("code", totp(secret, 0)))
                .post("/api/v1/me/two-factor/totp/confirmation").then().statusCode(200);
        return secret;
    }

    private static Response stepUpWith(Person p, String method, String code) {
        return p.as().contentType(ContentType.JSON).body(Map.of("method", method, "code", code)).post("/api/v1/me/step-up");
    }

    /** The code an authenticator app shows {@code stepsAhead} 30-second steps from now. */
    private static String totp(String base32Secret, int stepsAhead) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"),
                    Instant.now().plusSeconds(30L * stepsAhead), java.util.Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six digits that are no code of the drift window around now. */
    private static String wrong(String base32Secret) {
        Set<String> valid = Set.of(totp(base32Secret, -1), totp(base32Secret, 0), totp(base32Secret, 1), totp(base32Secret, 2));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", (i * 7919) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static Caller person(UUID userId, Tenant school) {
        return new Caller("user:" + userId, school.orgId(), "/", Set.of(Role.SIGNER));
    }

    private static void assertStepUpRequired(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.slug()).isEqualTo("step-up-required");
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
