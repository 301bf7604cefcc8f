package io.longnam.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.longnam.testoidc.Jwts;
import io.longnam.testoidc.Keycloak;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nested groups: a role granted to a group reaches the members of its sub-groups, and only while they belong. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class GroupsTest {

    @Test
    void aRoleGrantedToAGroupReachesTheMembersOfItsSubGroups() {
        Tenant school = Api.school("โรงเรียนกลุ่มครู");
        String teacher = person();
        String teacherId = activated(school, teacher, "AUDITOR");
        OidcLoginTest.as(teacher).multiPart("file", "a.pdf", TestPdfs.onePage("x"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(403);

        String registrars = group(school, Map.of("name", "ครูทะเบียน", "roles", List.of("REGISTRAR")));
        String firstYear = group(school, Map.of("name", "ครูชั้น ม.1", "parentId", registrars, "roles", List.of()));
        school.as().put("/api/v1/organizations/{o}/groups/{g}/members/{u}", school.orgId(), firstYear, teacherId)
                .then().statusCode(200);

        OidcLoginTest.as(teacher).get("/api/v1/me").then().statusCode(200)
                .body("permissions", hasItem("document.register"));
        OidcLoginTest.as(teacher).multiPart("file", "a.pdf", TestPdfs.onePage("y"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201);

        school.as().delete("/api/v1/organizations/{o}/groups/{g}/members/{u}", school.orgId(), firstYear, teacherId)
                .then().statusCode(204);
        OidcLoginTest.as(teacher).get("/api/v1/me").then().body("permissions", not(hasItem("document.register")));
        OidcLoginTest.as(teacher).multiPart("file", "a.pdf", TestPdfs.onePage("z"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(403);
    }

    @Test
    void aGroupOfAnotherOrganisationLetsItsMembersActThereWithItsRoles() {
        Tenant home = Api.school("โรงเรียนต้นสังกัด");
        Tenant other = Api.school("โรงเรียนที่สอนเสริม");
        String teacher = person();
        String teacherId = activated(home, teacher, "AUDITOR");
        // Knowing the id is not enough to pull an active user in: the teacher joins by redeeming the school's code.
        other.as().contentType(ContentType.JSON).body(Map.of("userId", teacherId, "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{org}/members", other.orgId()).then().statusCode(404);
        String code = OidcLoginTest.code(other, Map.of("roles", List.of("AUDITOR"), "expiresIn", "PT1H"));
        OidcLoginTest.as(teacher).contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/me/activation")
                .then().statusCode(200);
        String signers = group(other, Map.of("name", "ผู้ลงนาม", "roles", List.of("SIGNER")));
        other.as().put("/api/v1/organizations/{o}/groups/{g}/members/{u}", other.orgId(), signers, teacherId)
                .then().statusCode(200);

        OidcLoginTest.as(teacher).header("X-Organization-Id", other.orgId().toString()).get("/api/v1/me").then()
                .statusCode(200).body("permissions", hasItem("document.seal"));
        OidcLoginTest.as(teacher).header("X-Organization-Id", home.orgId().toString()).get("/api/v1/me").then()
                .statusCode(200).body("permissions", not(hasItem("document.seal")));
    }

    @Test
    void groupsRefuseCyclesUnknownRolesAndRolesTheAdministratorLacks() {
        Tenant school = Api.school("โรงเรียนกลุ่มวน");
        String outer = group(school, Map.of("name", "ชั้นนอก", "roles", List.of()));
        String inner = group(school, Map.of("name", "ชั้นใน", "parentId", outer, "roles", List.of()));
        school.as().contentType(ContentType.JSON).body(Map.of("parentId", inner))
                .patch("/api/v1/organizations/{o}/groups/{g}", school.orgId(), outer).then().statusCode(409)
                .body("type", equalTo("https://longnam.io/problems/group-cycle"));
        school.as().contentType(ContentType.JSON).body(Map.of("name", "ไม่มีบทบาทนี้", "roles", List.of("WIZARD")))
                .post("/api/v1/organizations/{o}/groups", school.orgId()).then().statusCode(400);
        school.as().contentType(ContentType.JSON).body(Map.of("name", "ผู้ดูแลระบบ", "roles", List.of("PLATFORM_ADMIN")))
                .post("/api/v1/organizations/{o}/groups", school.orgId()).then().statusCode(403);
        school.as().delete("/api/v1/organizations/{o}/groups/{g}", school.orgId(), outer).then().statusCode(409)
                .body("type", equalTo("https://longnam.io/problems/group-has-subgroups"));
        Tenant stranger = Api.school("โรงเรียนอื่น");
        stranger.as().get("/api/v1/organizations/{o}/groups/{g}", school.orgId(), outer).then().statusCode(404);
    }

    @Test
    void aCustomRoleCanBeGrantedThroughAGroup() {
        Tenant school = Api.school("โรงเรียนบทบาทเอง");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("name", "ผู้ตรวจเอกสาร", "permissions", List.of("document.read", "document.file.read")))
                .post("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(201);
        String teacher = person();
        String teacherId = activated(school, teacher, "SIGNER");
        String readers = group(school, Map.of("name", "ผู้อ่าน", "roles", List.of("ผู้ตรวจเอกสาร")));
        school.as().put("/api/v1/organizations/{o}/groups/{g}/members/{u}", school.orgId(), readers, teacherId)
                .then().statusCode(200);
        OidcLoginTest.as(teacher).get("/api/v1/documents").then().statusCode(200);
    }

    private static String group(Tenant t, Map<String, Object> body) {
        return t.as().contentType(ContentType.JSON).body(body).post("/api/v1/organizations/{o}/groups", t.orgId())
                .then().statusCode(201).extract().path("id");
    }

    /** A token for a new person, signed with the test realm's key as Keycloak would sign it. */
    private static String person() {
        Keycloak kc = Keycloak.shared();
        long now = Instant.now().getEpochSecond();
        return Jwts.rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", OidcLoginTest.realmKid()),
                Map.of("iss", kc.realmUrl(), "sub", "teacher-" + UUID.randomUUID(), "aud", "longnam", "iat", now,
                        "exp", now + 300, "name", "ครูทดสอบ"), kc.realmKey());
    }

    private static String activated(Tenant school, String token, String role) {
        String id = OidcLoginTest.userId(token);
        school.as().contentType(ContentType.JSON).body(Map.of("userId", id, "roles", List.of(role)))
                .post("/api/v1/organizations/{org}/members", school.orgId()).then().statusCode(201);
        return id;
    }
}
