package io.longnam.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.testoidc.Jwts;
import io.longnam.testoidc.Keycloak;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Login through a real Keycloak: registration, activation, memberships, disabling, and tokens that must not work. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class OidcLoginTest {

    @Inject
    AgroalDataSource db;

    static String token(String user) {
        return given().baseUri(Keycloak.shared().realmUrl()).port(-1).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", Keycloak.CLIENT)
                .formParam("username", user).formParam("password", user + "-pw")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static String userId(String token) {
        return as(token).get("/api/v1/me").then().statusCode(200).extract().path("userId");
    }

    static String code(Tenant admin, Map<String, Object> body) {
        return admin.as().contentType(ContentType.JSON).body(body)
                .post("/api/v1/organizations/{org}/activation-codes", admin.orgId())
                .then().statusCode(201).header("Cache-Control", "no-store").extract().path("code");
    }

    @Test
    void pendingUserMayOnlyLookAtItselfUntilACodeActivatesIt() {
        Tenant school = Api.school("oidc-alice");
        String alice = token("alice");
        as(alice).get("/api/v1/me").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("nationalId", equalTo("1101700000011"))
                .body("email", equalTo("alice@school.example")).body("name", equalTo("Alice Anan"))
                .body("memberships.size()", equalTo(0));
        as(alice).get("/api/v1/documents").then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("activation"));

        String code = code(school, Map.of("nationalId", "1101700000011", "roles", List.of("REGISTRAR", "AUDITOR"),
                "expiresIn", "PT1H"));
        as(alice).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/me/activation")
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("organizationId", equalTo(school.orgId().toString())).body("roles", hasItem("REGISTRAR"));
        as(alice).get("/api/v1/documents").then().statusCode(200);
        as(alice).get("/api/v1/me").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("memberships[0].organizationId", equalTo(school.orgId().toString()));

        // Single use, even for the person it was made for; the code is stored only as a hash.
        as(alice).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/me/activation")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(Sql.count(db, "select count(*) from activation_code where code_hash = sha256(convert_to(?, 'UTF8'))",
                code.replace("-", ""))).isEqualTo(1);
        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'activation.failed'"
                + " and organization_id = ?", school.orgId())).isEqualTo(1);
    }

    @Test
    void expiredAndForeignAndUnknownCodesAreRefused() {
        Tenant school = Api.school("oidc-bob");
        String bob = token("bob");
        String expired = code(school, Map.of("roles", List.of("AUDITOR"), "expiresIn", "PT5M"));
        Sql.update(db, "update activation_code set expires_at = now() - interval '1 minute' where expires_at > now()"
                + " and organization_id = ?", school.orgId());
        as(bob).contentType(ContentType.JSON).body(Map.of("code", expired)).post("/api/v1/me/activation")
                .then().statusCode(410).contentType("application/problem+json");

        String forAlice = code(school, Map.of("nationalId", "1101700000011", "roles", List.of("AUDITOR")));
        as(bob).contentType(ContentType.JSON).body(Map.of("code", forAlice)).post("/api/v1/me/activation")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("another person"));
        as(bob).contentType(ContentType.JSON).body(Map.of("code", "0000-0000-0000-0000")).post("/api/v1/me/activation")
                .then().statusCode(404);
        as(bob).get("/api/v1/me").then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void guessingCodesIsThrottledAndAudited() {
        Keycloak kc = Keycloak.shared();
        long now = Instant.now().getEpochSecond();
        String guesser = Jwts.rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", realmKid()),
                Map.of("iss", kc.realmUrl(), "sub", "guesser-" + UUID.randomUUID(), "aud", "longnam", "iat", now,
                        "exp", now + 300), kc.realmKey());
        String id = userId(guesser);
        int answered404 = 0;
        int answered429 = 0;
        // 21 attempts exceed the limit of 10 a minute even if a minute boundary splits them.
        for (int i = 0; i < 21; i++) {
            int status = as(guesser).contentType(ContentType.JSON).body(Map.of("code", "GUES-S000-0000-00" + (10 + i)))
                    .post("/api/v1/me/activation").then().contentType("application/problem+json").extract().statusCode();
            answered404 += status == 404 ? 1 : 0;
            answered429 += status == 429 ? 1 : 0;
        }
        assertThat(answered404 + answered429).isEqualTo(21);
        assertThat(answered429).isPositive();
        assertThat(Sql.count(db, "select count(*) from audit_event where action = 'activation.failed' and actor = ?",
                "user:" + id)).isEqualTo(answered404);
    }

    static String realmKid() {
        return Keycloak.shared().realmKid();
    }

    @Test
    void aCustomRoleCanBeHandedOutWithAnActivationCode() {
        Tenant school = Api.school("oidc-custom-role");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("name", "เจ้าหน้าที่ทะเบียน", "permissions", List.of("document.read", "document.register")))
                .post("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(201);
        Keycloak kc = Keycloak.shared();
        long now = Instant.now().getEpochSecond();
        String clerk = Jwts.rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", realmKid()),
                Map.of("iss", kc.realmUrl(), "sub", "clerk-" + UUID.randomUUID(), "aud", "longnam", "iat", now,
                        "exp", now + 300), kc.realmKey());
        school.as().contentType(ContentType.JSON).body(Map.of("roles", List.of("ไม่มีบทบาทนี้")))
                .post("/api/v1/organizations/{org}/activation-codes", school.orgId()).then().statusCode(400);
        String code = code(school, Map.of("roles", List.of("เจ้าหน้าที่ทะเบียน"), "expiresIn", "PT1H"));
        as(clerk).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/me/activation")
                .then().statusCode(200).body("roles", hasItem("เจ้าหน้าที่ทะเบียน"))
                .body("permissions", hasItem("document.register"));
        as(clerk).get("/api/v1/documents").then().statusCode(200);
        as(clerk).get("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(403);
    }

    @Test
    void adminsCannotHandOutRolesTheyDoNotHold() {
        Tenant school = Api.school("oidc-grant");
        Tenant registrarAdmin = school.withRoles("REGISTRAR");
        registrarAdmin.as().contentType(ContentType.JSON).body(Map.of("roles", List.of("SIGNER")))
                .post("/api/v1/organizations/{org}/activation-codes", school.orgId()).then().statusCode(403);
        Tenant other = Api.school("oidc-grant-other");
        other.as().contentType(ContentType.JSON).body(Map.of("roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{org}/activation-codes", school.orgId()).then().statusCode(404);
    }

    @Test
    void aDisabledUsersNextRequestIsRefused() {
        Tenant school = Api.school("oidc-dave");
        String dave = token("dave");
        String id = userId(dave);
        school.as().contentType(ContentType.JSON).body(Map.of("userId", id, "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{org}/members", school.orgId()).then().statusCode(201)
                .body("status", equalTo("ACTIVE"));
        as(dave).get("/api/v1/documents").then().statusCode(200);
        school.as().get("/api/v1/users/{id}", id).then().statusCode(200).body("nationalId", equalTo("5100000000044"));
        Api.school("oidc-elsewhere").as().get("/api/v1/users/{id}", id).then().statusCode(404);

        school.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/{id}", id)
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        as(dave).get("/api/v1/documents").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("disabled"));
        as(dave).get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void aUserInTwoOrganisationsNamesTheOneItActsFor() {
        Tenant first = Api.school("oidc-carol-1");
        Tenant second = Api.school("oidc-carol-2");
        String carol = token("carol");
        String id = userId(carol);
        first.as().contentType(ContentType.JSON).body(Map.of("userId", id, "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{org}/members", first.orgId()).then().statusCode(201);
        as(carol).get("/api/v1/documents").then().statusCode(200);
        String code = code(second, Map.of("email", "carol@school.example", "roles", List.of("REGISTRAR")));
        as(carol).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/me/activation")
                .then().statusCode(200);

        as(carol).get("/api/v1/documents").then().statusCode(400).body("detail",
                org.hamcrest.Matchers.containsString("X-Organization-Id"));
        as(carol).header("X-Organization-Id", second.orgId().toString()).get("/api/v1/me").then().statusCode(200)
                .body("organizationId", equalTo(second.orgId().toString())).body("roles", hasItem("REGISTRAR"))
                .body("memberships.size()", equalTo(2));
        as(carol).header("X-Organization-Id", first.orgId().toString()).get("/api/v1/documents").then().statusCode(200);
        as(carol).header("X-Organization-Id", Api.school("oidc-carol-3").orgId().toString())
                .get("/api/v1/documents").then().statusCode(403);

        // Each administrator sees the user, but neither may disable it: that would take away rights in the other.
        first.as().get("/api/v1/users").then().statusCode(200).body("items.id", hasItem(id));
        first.as().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/users/{id}", id)
                .then().statusCode(403);
    }

    @Test
    void deletingAUserErasesItsPersonalDataButKeepsTheTrail() {
        Tenant school = Api.school("oidc-erin");
        String erin = token("erin");
        String id = userId(erin);
        school.as().contentType(ContentType.JSON).body(Map.of("userId", id, "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{org}/members", school.orgId()).then().statusCode(201);
        school.as().delete("/api/v1/users/{id}", id).then().statusCode(204);
        assertThat(Sql.count(db, "select count(*) from app_user where id = ?::uuid and national_id is null"
                + " and email is null and name is null and status = 'DISABLED'", id)).isEqualTo(1);
        assertThat(Sql.count(db, "select count(*) from audit_event where target_id = ? and action = 'membership.created'",
                id)).isEqualTo(1);
        // The same person logging in again starts over as a new, pending user.
        as(erin).get("/api/v1/me").then().statusCode(200).body("status", equalTo("PENDING"))
                .body("userId", not(equalTo(id)));
    }

    @Test
    void apiKeysStillWorkAndDescribeThemselves() {
        Tenant school = Api.school("oidc-key");
        school.as().get("/api/v1/me").then().statusCode(200).body("organizationId", equalTo(school.orgId().toString()))
                .body("apiKeyId", not(nullValue())).body("prefix", org.hamcrest.Matchers.startsWith("ln_"))
                .body("roles", hasItem("ORG_ADMIN")).body("userId", nullValue());
    }

    @Test
    void badTokensAreUnauthorized() throws Exception {
        Keycloak kc = Keycloak.shared();
        Map<String, Object> jwk = given().baseUri(kc.realmUrl()).port(-1).get("/protocol/openid-connect/certs")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("keys").stream()
                .filter(k -> new BigInteger(1, Base64.getUrlDecoder().decode((String) k.get("n")))
                        .equals(((RSAPrivateCrtKey) kc.realmKey()).getModulus()))
                .findFirst().orElseThrow();
        String kid = (String) jwk.get("kid");
        Map<String, Object> rs256 = Map.of("alg", "RS256", "typ", "JWT", "kid", kid);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("iss", kc.realmUrl());
        good.put("sub", "forged-" + UUID.randomUUID());
        good.put("aud", "longnam");
        good.put("iat", now);
        good.put("exp", now + 300);
        good.put("citizen_id", "1999999999999");

        // The control: with every check satisfied, a token signed with the realm's key is accepted.
        as(Jwts.rs256(rs256, good, kc.realmKey())).get("/api/v1/me").then().statusCode(200);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("malformed", "not.a.jwt");
        bad.put("garbage", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA");
        bad.put("expired", Jwts.rs256(rs256, with(good, "exp", now - 120, "iat", now - 600), kc.realmKey()));
        bad.put("wrong issuer", Jwts.rs256(rs256, with(good, "iss", "https://evil.example/realms/longnam"), kc.realmKey()));
        bad.put("wrong audience", Jwts.rs256(rs256, with(good, "aud", "another-service"), kc.realmKey()));
        bad.put("alg none", Jwts.unsigned(Map.of("alg", "none", "typ", "JWT"), good));
        bad.put("real token of another client", given().baseUri(kc.realmUrl()).port(-1).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "other-app")
                .formParam("username", "alice").formParam("password", "alice-pw")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token"));
        // HS256 "signed" with the provider's public key, in each form an attacker could download it.
        var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("e")))));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Map<String, Object> hs256 = Map.of("alg", "HS256", "typ", "JWT", "kid", kid);
        bad.put("HS256 with public key DER", Jwts.hs256(hs256, good, publicKey.getEncoded()));
        bad.put("HS256 with public key PEM", Jwts.hs256(hs256, good, pem.getBytes(StandardCharsets.US_ASCII)));
        bad.put("HS256 with modulus", Jwts.hs256(hs256, good, ((String) jwk.get("n")).getBytes(StandardCharsets.US_ASCII)));

        bad.forEach((what, token) -> as(token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized")));
        // None of them left a user behind.
        assertThat(Sql.count(db, "select count(*) from app_user where national_id = '1999999999999'")).isEqualTo(1);
    }

    private static Map<String, Object> with(Map<String, Object> claims, Object... kv) {
        Map<String, Object> copy = new HashMap<>(claims);
        for (int i = 0; i < kv.length; i += 2) {
            copy.put((String) kv[i], kv[i + 1]);
        }
        return copy;
    }
}
