package io.longnam.tenancy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTest {

    @Inject
    DataSource ds;

    @Test
    void keyHolderLearnsItsKeyOrganisationAndRolesFromMe() {
        Tenant school = Api.school("โรงเรียนฉันคือใคร");
        JsonPath issued = school.as().contentType(ContentType.JSON).body(Map.of("name", "ระบบทะเบียน", "roles", List.of("REGISTRAR")))
                .post("/api/v1/organizations/{o}/api-keys", school.orgId()).then().statusCode(201).extract().jsonPath();
        given().header("Authorization", "Bearer " + issued.getString("key")).get("/api/v1/me").then().statusCode(200)
                .body("apiKeyId", equalTo(issued.getString("id"))).body("prefix", equalTo(issued.getString("prefix")))
                .body("organizationId", equalTo(school.orgId().toString()))
                .body("organizationName", equalTo("โรงเรียนฉันคือใคร"))
                .body("roles", equalTo(List.of("REGISTRAR"))).body("userId", nullValue());
    }

    @Test
    void keyListHonoursLimitAndCursor() {
        Tenant school = Api.school("โรงเรียนแบ่งหน้า");
        for (int i = 0; i < 3; i++) {
            school.as().contentType(ContentType.JSON).body(Map.of("name", "k" + i, "roles", List.of("AUDITOR")))
                    .post("/api/v1/organizations/{o}/api-keys", school.orgId()).then().statusCode(201);
        }
        JsonPath first = school.as().queryParam("limit", 2).get("/api/v1/organizations/{o}/api-keys", school.orgId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = school.as().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/organizations/{o}/api-keys", school.orgId()).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(2);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(second.getList("items.id")).doesNotContainAnyElementsOf(first.getList("items.id"));
        school.as().queryParam("limit", 201).get("/api/v1/organizations/{o}/api-keys", school.orgId()).then().statusCode(400);
    }

    @Test
    void keyIsShownOnceAndStoredOnlyAsHash() {
        Tenant school = Api.school("keys");
        JsonPath issued = issue(school, List.of("REGISTRAR", "AUDITOR"));
        String key = issued.getString("key");
        assertThat(key).startsWith(issued.getString("prefix") + "_");
        school.as().get("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(200)
                .body("items.key", hasItems(nullValue(), nullValue()));
        assertThat(Sql.count(ds, "select count(*) from api_key where secret_hash = sha256(convert_to(?, 'UTF8'))", key)).isEqualTo(1);
        given().header("Authorization", "Bearer " + key).get("/api/v1/documents").then().statusCode(200);
    }

    @Test
    void revokedAndExpiredKeysAreRefused() {
        Tenant school = Api.school("revoke");
        JsonPath issued = issue(school, List.of("AUDITOR"));
        school.as().delete("/api/v1/organizations/{o}/api-keys/{k}", school.orgId(), issued.getString("id")).then().statusCode(200);
        given().header("Authorization", "Bearer " + issued.getString("key")).get("/api/v1/documents").then().statusCode(401);

        JsonPath expiring = issue(school, List.of("AUDITOR"));
        Sql.update(ds, "update api_key set expires_at = now() - interval '1 second' where id = ?",
                java.util.UUID.fromString(expiring.getString("id")));
        given().header("Authorization", "Bearer " + expiring.getString("key")).get("/api/v1/documents").then().statusCode(401);
    }

    @Test
    void rotationIssuesANewKeyAndLetsTheOldOneRunOut() {
        Tenant school = Api.school("rotate");
        JsonPath old = issue(school, List.of("AUDITOR"));
        JsonPath fresh = school.as().queryParam("overlap", "PT1H")
                .post("/api/v1/organizations/{o}/api-keys/{k}/rotation", school.orgId(), old.getString("id"))
                .then().statusCode(201).body("roles", hasItems("AUDITOR")).extract().jsonPath();
        given().header("Authorization", "Bearer " + fresh.getString("key")).get("/api/v1/documents").then().statusCode(200);
        given().header("Authorization", "Bearer " + old.getString("key")).get("/api/v1/documents").then().statusCode(200);
        school.as().get("/api/v1/organizations/{id}/api-keys", school.orgId()).then()
                .body("items.find { it.id == '" + old.getString("id") + "' }.expiresAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void organisationAdminCannotGrantPlatformAdminAndCreatesOnlyBelowItself() {
        Tenant school = Api.school("escalate");
        school.as().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("PLATFORM_ADMIN")))
                .post("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(403);
        school.as().contentType(ContentType.JSON).body(Map.of("name", "sub", "code", "sub" + System.nanoTime()))
                .post("/api/v1/organizations").then().statusCode(201).body("parentId", equalTo(school.orgId().toString()));
    }

    @Test
    void organisationAdminCannotRotateOrRevokeAPlatformAdminKeyInItsOrganisation() {
        Tenant school = Api.school("escalate-rotate");
        String platformKeyInSchool = Api.platform().contentType(ContentType.JSON)
                .body(Map.of("name", "ops", "roles", List.of("PLATFORM_ADMIN")))
                .post("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(201).extract().path("id");

        school.as().post("/api/v1/organizations/{o}/api-keys/{k}/rotation", school.orgId(), platformKeyInSchool)
                .then().statusCode(403).contentType("application/problem+json");
        school.as().delete("/api/v1/organizations/{o}/api-keys/{k}", school.orgId(), platformKeyInSchool)
                .then().statusCode(403);
        assertThat(Sql.count(ds, "select count(*) from api_key where rotated_from = ?",
                java.util.UUID.fromString(platformKeyInSchool))).isZero();
        assertThat(Sql.count(ds, "select count(*) from api_key where id = ?::uuid and expires_at is null and revoked_at is null",
                platformKeyInSchool)).isEqualTo(1);
    }

    @Test
    void rotationKeepsTheOriginalExpiryAndIsAuditedAsARotation() {
        Tenant school = Api.school("rotate-audit");
        String expiry = java.time.Instant.now().plus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String oldId = school.as().contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "roles", List.of("AUDITOR"), "expiresAt", expiry))
                .post("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(201).extract().path("id");
        JsonPath fresh = school.as().queryParam("overlap", "PT1H")
                .post("/api/v1/organizations/{o}/api-keys/{k}/rotation", school.orgId(), oldId)
                .then().statusCode(201).extract().jsonPath();
        assertThat(java.time.Instant.parse(fresh.getString("expiresAt"))).isEqualTo(java.time.Instant.parse(expiry));

        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'api-key.rotated' and target_id = ?"
                + " and details like ? and details like '%oldKeyExpiresAt%'", fresh.getString("id"), "%" + oldId + "%"))
                .isEqualTo(1);
    }

    @Test
    void registrarCannotManageKeys() {
        Tenant school = Api.school("registrar");
        school.withRoles("REGISTRAR").as().get("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void validatesKeyRequests() {
        Tenant school = Api.school("validate");
        school.as().contentType(ContentType.JSON).body(Map.of("name", "", "roles", List.of()))
                .post("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("name", "roles"));
        school.as().contentType(ContentType.JSON).body("{\"name\":\"x\",\"roles\":[\"WIZARD\"]}")
                .post("/api/v1/organizations/{id}/api-keys", school.orgId()).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void organisationsFormATreeWithSettings() {
        Tenant area = Api.school("สพป. ทดสอบ");
        Tenant school = area.child("โรงเรียนลูก");
        area.as().get("/api/v1/organizations/{id}", school.orgId()).then().statusCode(200)
                .body("parentId", equalTo(area.orgId().toString()))
                .body("settings.timestampEnabled", equalTo(false))
                .body("settings.defaultSignatureLevel", equalTo("B-B"));
        area.as().queryParam("parentId", area.orgId()).get("/api/v1/organizations").then().statusCode(200)
                .body("items.size()", equalTo(1));
        school.as().contentType(ContentType.JSON).body(Map.of("timestampEnabled", true, "defaultSignatureLevel", "B-T"))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200)
                .body("settings.timestampEnabled", equalTo(true)).body("settings.defaultSignatureLevel", equalTo("B-T"));
        school.as().get("/api/v1/organizations/{id}", area.orgId()).then().statusCode(404);
        school.as().contentType(ContentType.JSON).body(Map.of("defaultSignatureLevel", "B_X"))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(400);
    }

    private static JsonPath issue(Tenant t, List<String> roles) {
        return t.as().contentType(ContentType.JSON).body(Map.of("name", "integration", "roles", roles))
                .post("/api/v1/organizations/{id}/api-keys", t.orgId()).then().statusCode(201)
                .header("Cache-Control", "no-store").extract().jsonPath();
    }
}
