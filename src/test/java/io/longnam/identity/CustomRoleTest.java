package io.longnam.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomRoleTest {

    @Inject
    DataSource ds;
    @Inject
    RoleResolver resolver;

    @Test
    void anAdministratorDefinesAThaiNamedRoleThatResolvesInTheSubtree() {
        Tenant office = Api.school("เขตพื้นที่บทบาท");
        Tenant school = office.child("โรงเรียนบทบาท");
        String id = create(office, "ครูประจำชั้น", List.of("document.read", "document.file.read"))
                .then().statusCode(201).body("name", equalTo("ครูประจำชั้น"))
                .body("permissions", equalTo(List.of("document.file.read", "document.read")))
                .extract().path("id");
        office.as().get("/api/v1/organizations/{o}/roles/{r}", office.orgId(), id).then().statusCode(200)
                .body("inherited", equalTo(false));
        school.as().get("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(200)
                .body("items.name", hasItem("ครูประจำชั้น")).body("items[0].inherited", equalTo(true));

        assertThat(resolver.permissions(school.orgId(), List.of("ครูประจำชั้น", "SIGNER", "no-such-role")))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(Permission.DOCUMENT_READ, Permission.DOCUMENT_FILE_READ),
                        Role.SIGNER.permissions().stream()).collect(java.util.stream.Collectors.toSet()));

        // The school's own definition of the name is nearer, so it wins there and only there.
        create(school, "ครูประจำชั้น", List.of("template.read")).then().statusCode(201);
        assertThat(resolver.permissions(school.orgId(), List.of("ครูประจำชั้น"))).containsExactly(Permission.TEMPLATE_READ);
        assertThat(resolver.permissions(office.orgId(), List.of("ครูประจำชั้น")))
                .containsExactlyInAnyOrder(Permission.DOCUMENT_READ, Permission.DOCUMENT_FILE_READ);

        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'role.created' and target_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void namesOfBuiltInRolesUnknownPermissionsAndDuplicatesAreRefused() {
        Tenant school = Api.school("ชื่อบทบาท");
        create(school, "auditor", List.of("document.read")).then().statusCode(409).body("detail", containsString("built-in"));
        create(school, "STUDENT", List.of("self.read")).then().statusCode(409);
        create(school, "ผู้ตรวจ", List.of("document.fly")).then().statusCode(400).body("detail", containsString("document.fly"));
        create(school, "ผู้ตรวจ", List.of()).then().statusCode(400);
        create(school, "a,b", List.of("document.read")).then().statusCode(400);
        create(school, "ผู้ตรวจ", List.of("document.read")).then().statusCode(201);
        create(school, "ผู้ตรวจ", List.of("audit.read")).then().statusCode(409);
    }

    @Test
    void nobodyConfersOrTakesAwayPermissionsItDoesNotHold() {
        Tenant school = Api.school("เพดานสิทธิ์");
        create(school, "ผู้ดูแลแพลตฟอร์ม", List.of("platform.admin")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("platform.admin"));
        String id = create(school, "งานทะเบียน", List.of("document.register")).then().statusCode(201).extract().path("id");
        patch(school, id, Map.of("permissions", List.of("document.register", "platform.admin"))).then().statusCode(403);
        patch(school, id, Map.of("name", "งานทะเบียนและตรวจ", "permissions", List.of("document.register", "audit.read")))
                .then().statusCode(200).body("name", equalTo("งานทะเบียนและตรวจ"))
                .body("permissions", equalTo(List.of("audit.read", "document.register")));

        String platformRole = Api.platform().contentType(ContentType.JSON)
                .body(Map.of("name", "ผู้ดูแลระบบ", "permissions", List.of("platform.admin")))
                .post("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(201).extract().path("id");
        patch(school, platformRole, Map.of("description", "x")).then().statusCode(403);
        school.as().delete("/api/v1/organizations/{o}/roles/{r}", school.orgId(), platformRole).then().statusCode(403);

        school.as().delete("/api/v1/organizations/{o}/roles/{r}", school.orgId(), id).then().statusCode(200);
        assertThat(resolver.permissions(school.orgId(), List.of("งานทะเบียนและตรวจ"))).isEmpty();
        assertThat(Sql.count(ds, "select count(*) from audit_event where target_id = ? and action in ('role.changed', 'role.deleted')", id))
                .isEqualTo(2);
    }

    @Test
    void rolesNeedTheirPermissionsAndStayInsideTheSubtree() {
        Tenant school = Api.school("สิทธิ์อ่านบทบาท");
        Tenant other = Api.school("โรงเรียนอื่น");
        String id = create(school, "ครู", List.of("document.read")).then().statusCode(201).extract().path("id");
        school.withRoles("REGISTRAR").as().get("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("role.read"));
        school.withRoles("AUDITOR").as().get("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(200);
        school.withRoles("AUDITOR").as().delete("/api/v1/organizations/{o}/roles/{r}", school.orgId(), id).then().statusCode(403);
        other.as().get("/api/v1/organizations/{o}/roles/{r}", school.orgId(), id).then().statusCode(404);
        other.as().get("/api/v1/organizations/{o}/roles/{r}", other.orgId(), id).then().statusCode(404);
        given().get("/api/v1/organizations/{o}/roles", school.orgId()).then().statusCode(401);
    }

    @Test
    void theCatalogueListsEveryPermissionAndWhatEachBuiltInRoleConfers() {
        Tenant school = Api.school("แคตตาล็อก");
        Response r = school.withRoles("STUDENT").as().get("/api/v1/permissions");
        r.then().statusCode(200).body("permissions.name", hasItems("document.read", "role.manage", "self.read"))
                .body("roles.find { it.name == 'STUDENT' }.permissions", equalTo(List.of("self.read")));
        assertThat(r.jsonPath().getList("permissions")).hasSize(Permission.values().length);
        assertThat(r.jsonPath().getList("roles.find { it.name == 'PLATFORM_ADMIN' }.permissions"))
                .hasSize(Permission.values().length);
        given().get("/api/v1/permissions").then().statusCode(401);
    }

    @Test
    void builtInRolesKeepTheirRights() {
        assertThat(Role.ORG_ADMIN.permissions()).containsAll(Role.AUDITOR.permissions())
                .containsAll(Role.REGISTRAR.permissions()).containsAll(Role.SIGNER.permissions())
                .doesNotContain(Permission.PLATFORM_ADMIN);
        assertThat(Role.PLATFORM_ADMIN.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(Role.STUDENT.permissions()).containsExactly(Permission.SELF_READ);
        Caller admin = new Caller("t", null, "/", Role.expand(java.util.Set.of(Role.ORG_ADMIN)));
        assertThat(admin.canGrant(java.util.Set.of(Role.STUDENT, Role.SIGNER))).isTrue();
        assertThat(admin.canGrant(java.util.Set.of(Role.PLATFORM_ADMIN))).isFalse();
    }

    private static Response create(Tenant t, String name, List<String> permissions) {
        return t.as().contentType(ContentType.JSON).body(Map.of("name", name, "permissions", permissions))
                .post("/api/v1/organizations/{o}/roles", t.orgId());
    }

    private static Response patch(Tenant t, String id, Map<String, Object> body) {
        return t.as().contentType(ContentType.JSON).body(body)
                .patch("/api/v1/organizations/{o}/roles/{r}", t.orgId(), id);
    }
}
