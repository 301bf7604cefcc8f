package io.longnam.tenancy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientCredentialsTest {

    @Inject
    DataSource ds;

    @Test
    void clientTradesItsSecretForAShortLivedTokenThatActsWithItsRoles() {
        Tenant school = Api.school("agency-client");
        JsonPath client = create(school, List.of("REGISTRAR", "AUDITOR"));
        assertThat(Sql.count(ds, "select count(*) from agency_client where secret_hash = sha256(convert_to(?, 'UTF8'))",
                client.getString("clientSecret"))).isEqualTo(1);

        JsonPath token = token(client.getString("clientId"), client.getString("clientSecret"), "client_credentials")
                .then().statusCode(200).header("Cache-Control", "no-store").contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(600))
                .body("access_token", startsWith("lnt_")).extract().jsonPath();
        String bearer = "Bearer " + token.getString("access_token");
        given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200);
        String doc = given().header("Authorization", bearer).multiPart("file", "a.pdf", io.longnam.support.TestPdfs.onePage("x"),
                "application/pdf").post("/api/v1/documents").then().statusCode(201).extract().path("id");
        assertThat(Sql.count(ds, "select count(*) from audit_event where target_id = ? and actor = ?", doc,
                "client:" + client.getString("clientId"))).isEqualTo(1);
        // Its roles bound it: no SIGNER, no key management.
        given().header("Authorization", bearer).get("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(403);
        assertThat(Sql.count(ds, "select count(*) from client_token where token_hash = sha256(convert_to(?, 'UTF8'))",
                token.getString("access_token"))).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAnswerInvalidClientAsRfc6749Says() {
        Tenant school = Api.school("agency-client-wrong");
        JsonPath client = create(school, List.of("AUDITOR"));
        token(client.getString("clientId"), "not-the-secret", "client_credentials").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic")).body("error", equalTo("invalid_client"));
        token("lnc_unknown", "whatever", "client_credentials").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        token(client.getString("clientId"), client.getString("clientSecret"), "password").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().header("Authorization", basic(client.getString("clientId"), client.getString("clientSecret")))
                .contentType(ContentType.URLENC).post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().header("Authorization", "Bearer lnt_forged").get("/api/v1/documents").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void disablingTheClientStopsItsTokensAtOnce() {
        Tenant school = Api.school("agency-client-disable");
        JsonPath client = create(school, List.of("AUDITOR"));
        String bearer = "Bearer " + token(client.getString("clientId"), client.getString("clientSecret"), "client_credentials")
                .then().statusCode(200).extract().path("access_token");
        given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200);

        school.as().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/v1/organizations/{o}/clients/{c}", school.orgId(), client.getString("id"))
                .then().statusCode(200).body("enabled", equalTo(false));
        given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(401);
        token(client.getString("clientId"), client.getString("clientSecret"), "client_credentials").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void anAdministratorCannotGiveAClientRolesItDoesNotHold() {
        Tenant school = Api.school("agency-client-escalate");
        school.as().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("PLATFORM_ADMIN")))
                .post("/api/v1/organizations/{id}/clients", school.orgId()).then().statusCode(403)
                .contentType("application/problem+json");
        Tenant other = Api.school("agency-client-other");
        school.as().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{id}/clients", other.orgId()).then().statusCode(404);
    }

    @Test
    void guessingASecretIsThrottledAndAudited() {
        Tenant school = Api.school("agency-client-brute");
        JsonPath client = create(school, List.of("AUDITOR"));
        for (int i = 0; i < 10; i++) {
            token(client.getString("clientId"), "guess-" + i, "client_credentials").then().statusCode(401);
        }
        token(client.getString("clientId"), client.getString("clientSecret"), "client_credentials").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(Sql.count(ds, "select count(*) from audit_event where organization_id = ? and action = 'client.authentication-failed'",
                school.orgId())).isEqualTo(10);
    }

    private static JsonPath create(Tenant t, List<String> roles) {
        return t.as().contentType(ContentType.JSON).body(Map.of("name", "ระบบทะเบียนของเขต", "roles", roles))
                .post("/api/v1/organizations/{id}/clients", t.orgId()).then().statusCode(201)
                .header("Cache-Control", "no-store").body("clientId", startsWith("lnc_")).extract().jsonPath();
    }

    private static Response token(String clientId, String secret, String grantType) {
        return given().header("Authorization", basic(clientId, secret)).formParam("grant_type", grantType).post("/oauth2/token");
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
