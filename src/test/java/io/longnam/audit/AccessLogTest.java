package io.longnam.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    static final String SEARCH = "/api/v1/organizations/{id}/access-log";

    @Inject
    DataSource ds;
    @Inject
    AccessLog accessLog;

    /** The row is written after the response ends, so the test flushes until it shows up. */
    void awaitRow(String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            accessLog.flush();
            if (Sql.count(ds, "select count(*) from access_log where request_id = ?", requestId) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access-log row for " + requestId);
    }

    void insert(Tenant org, Instant at, String actor, String method, String route, int status, String agent) {
        Sql.update(ds, "insert into access_log (id, at, request_id, actor, organization_id, organization_path, method, "
                        + "route, status, latency_ms, client_ip, user_agent) select ?, ?, ?, ?, id, path, ?, ?, ?, 3, "
                        + "'192.0.2.1', ? from organization where id = ?", UUID.randomUUID(), Timestamp.from(at),
                "seed-" + UUID.randomUUID(), actor, method, route, status, agent, org.orgId());
    }

    @Test
    void recordsTheRouteTemplateStatusActorAndRequestId() throws Exception {
        Tenant school = Api.school("logged");
        String requestId = "al-" + System.nanoTime();
        school.as().header("X-Request-Id", requestId).header("User-Agent", "tester/1.0")
                .get("/api/v1/documents/{id}", UUID.randomUUID()).then().statusCode(404);
        awaitRow(requestId);
        assertThat(Sql.count(ds, "select count(*) from access_log where request_id = ? and route = '/api/v1/documents/{id}' "
                + "and status = 404 and method = 'GET' and actor like 'apikey:ln_%' and organization_id = ? "
                + "and organization_path like '%' || ? || '/' and client_ip is not null and user_agent = 'tester/1.0' "
                + "and latency_ms >= 0", requestId, school.orgId(), school.orgId().toString())).isEqualTo(1);
    }

    @Test
    void requestsRefusedBeforeAuthenticationAreLoggedAsAnonymous() throws Exception {
        String requestId = "anon-" + System.nanoTime();
        given().header("X-Request-Id", requestId).header("Authorization", "Bearer ln_not_a_real_key_at_all_00000000000000")
                .get("/api/v1/documents").then().statusCode(401);
        awaitRow(requestId);
        assertThat(Sql.count(ds, "select count(*) from access_log where request_id = ? and actor = 'anonymous' "
                + "and status = 401 and route = '/api/v1/documents' and organization_id is null", requestId)).isEqualTo(1);
    }

    @Test
    void searchesByBangkokDayMonthYearBuddhistYearAndRange() {
        Tenant school = Api.school("periods");
        // 2025-03-16 00:30 and 2025-03-15 23:30 in Bangkok: one Bangkok day apart, the same UTC day.
        insert(school, Instant.parse("2025-03-15T17:30:00Z"), "apikey:ln_a", "GET", "/api/v1/documents", 200, null);
        insert(school, Instant.parse("2025-03-15T16:30:00Z"), "apikey:ln_b", "POST", "/api/v1/documents", 201, null);
        insert(school, Instant.parse("2024-12-31T17:30:00Z"), "apikey:ln_c", "GET", "/api/v1/documents/{id}", 404, null);

        assertThat(times(school, "day", "2025-03-16")).containsExactly("2025-03-15T17:30:00Z");
        assertThat(times(school, "day", "2025-03-15")).containsExactly("2025-03-15T16:30:00Z");
        assertThat(times(school, "month", "2025-03")).hasSize(2);
        assertThat(times(school, "month", "2568-03")).hasSize(2);
        // 2025-01-01 00:30 Bangkok belongs to 2025, although it is still 2024 in UTC.
        assertThat(times(school, "year", "2025")).hasSize(3);
        assertThat(times(school, "year", "2568")).hasSize(3);
        assertThat(times(school, "year", "2024")).isEmpty();
        assertThat(school.as().queryParam("from", "2025-03-15T17:00:00Z").queryParam("to", "2025-03-15T18:00:00Z")
                .get(SEARCH, school.orgId()).then().statusCode(200).extract().jsonPath().getList("items.actor"))
                .containsExactly("apikey:ln_a");
    }

    @Test
    void filtersPagesAndSubtree() {
        Tenant school = Api.school("filters");
        Tenant branch = school.child("branch");
        Instant t = Instant.parse("2025-06-10T03:00:00Z");
        insert(school, t, "apikey:ln_a", "GET", "/api/v1/documents", 200, null);
        insert(school, t.plusSeconds(1), "apikey:ln_a", "DELETE", "/api/v1/documents/{id}", 404, null);
        insert(school, t.plusSeconds(2), "apikey:ln_b", "GET", "/api/v1/documents/{id}", 403, null);
        insert(branch, t.plusSeconds(3), "apikey:ln_c", "GET", "/api/v1/documents", 200, null);

        assertThat(actors(school, "actor", "apikey:ln_a")).containsExactly("apikey:ln_a", "apikey:ln_a");
        assertThat(actors(school, "method", "delete")).containsExactly("apikey:ln_a");
        assertThat(actors(school, "status", "4xx")).containsExactly("apikey:ln_b", "apikey:ln_a");
        assertThat(actors(school, "status", "403")).containsExactly("apikey:ln_b");
        assertThat(actors(school, "route", "/api/v1/documents/{id}")).containsExactly("apikey:ln_b", "apikey:ln_a");
        assertThat(actors(school, "subtree", "false")).hasSize(3);
        assertThat(actors(school, "subtree", "true")).containsExactly("apikey:ln_c", "apikey:ln_b", "apikey:ln_a",
                "apikey:ln_a");
        assertThat(actors(branch, "subtree", "true")).containsExactly("apikey:ln_c");

        JsonPath first = school.as().queryParam("day", "2025-06-10").queryParam("subtree", "true").queryParam("limit", 3)
                .get(SEARCH, school.orgId()).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(3);
        school.as().queryParam("day", "2025-06-10").queryParam("subtree", "true").queryParam("limit", 3)
                .queryParam("cursor", first.getString("nextCursor")).get(SEARCH, school.orgId()).then().statusCode(200)
                .body("items.method", equalTo(List.of("GET"))).body("nextCursor", equalTo(null));
    }

    @Test
    void onlyAuditorsWithinTheSubtreeSearch() {
        Tenant school = Api.school("own");
        Tenant other = Api.school("other");
        Tenant branch = school.child("branch");
        other.as().queryParam("day", "2025-06-10").get(SEARCH, school.orgId()).then().statusCode(404);
        branch.as().queryParam("day", "2025-06-10").get(SEARCH, school.orgId()).then().statusCode(404);
        school.withRoles("SIGNER").as().queryParam("day", "2025-06-10").get(SEARCH, school.orgId()).then().statusCode(403);
        school.withRoles("AUDITOR").as().queryParam("day", "2025-06-10").get(SEARCH, school.orgId()).then().statusCode(200);
        given().queryParam("day", "2025-06-10").get(SEARCH, school.orgId()).then().statusCode(401);
    }

    @Test
    void exactlyOnePeriodIsRequired() {
        Tenant school = Api.school("period-rules");
        school.as().get(SEARCH, school.orgId()).then().statusCode(400)
                .body("errors.field", hasItems("day", "month", "year", "from", "to"));
        school.as().queryParam("day", "2025-06-10").queryParam("month", "2025-06").get(SEARCH, school.orgId()).then()
                .statusCode(400).body("errors.field", equalTo(List.of("day", "month")));
        school.as().queryParam("from", "2025-06-10T00:00:00Z").get(SEARCH, school.orgId()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
        school.as().queryParam("day", "2025-02-30").get(SEARCH, school.orgId()).then().statusCode(400)
                .body("errors.field", equalTo(List.of("day")));
        school.as().queryParam("month", "2025-6").get(SEARCH, school.orgId()).then().statusCode(400);
        school.as().queryParam("day", "2025-06-10").queryParam("status", "teapot").get(SEARCH, school.orgId()).then()
                .statusCode(400).body("errors.field", equalTo(List.of("status")));
        school.as().queryParam("day", "2025-06-10").queryParam("subtree", "maybe").get(SEARCH, school.orgId()).then()
                .statusCode(400).body("errors.field", equalTo(List.of("subtree")));
    }

    @Test
    void exportsCsvWithBomQuotingFormulaPrefixAndThai() {
        Tenant school = Api.school("csv");
        Instant t = Instant.parse("2025-07-01T05:00:00Z");
        insert(school, t, "apikey:ln_a", "GET", "/api/v1/documents", 200, "โรงเรียน \"สวนกุหลาบ\", กรุงเทพ");
        insert(school, t.plusSeconds(1), "apikey:ln_a", "GET", "/api/v1/documents", 200, "=HYPERLINK(\"http://x\")");
        insert(school, t.plusSeconds(2), "apikey:ln_a", "GET", "/api/v1/documents", 200, "-1+2");

        byte[] body = school.as().header("Accept", "text/csv").queryParam("month", "2025-07")
                .get(SEARCH, school.orgId()).then().statusCode(200).header("Content-Type", containsString("text/csv"))
                .header("X-Row-Limit", "1000000").extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("time,requestId,actor,organizationId,method,route,status,latencyMs,clientIp,userAgent");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).endsWith(",'-1+2");
        assertThat(lines[2]).endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(lines[3]).startsWith("2025-07-01T05:00:00Z,seed-")
                .endsWith(",\"โรงเรียน \"\"สวนกุหลาบ\"\", กรุงเทพ\"");

        String viaFormat = new String(school.as().queryParam("month", "2025-07").queryParam("format", "csv")
                .get(SEARCH, school.orgId()).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(viaFormat).contains("กรุงเทพ");
    }

    List<String> times(Tenant org, String param, String value) {
        return org.as().queryParam(param, value).get(SEARCH, org.orgId()).then().statusCode(200)
                .extract().jsonPath().getList("items.time");
    }

    List<String> actors(Tenant org, String param, String value) {
        return org.as().queryParam("day", "2025-06-10").queryParam(param, value).get(SEARCH, org.orgId()).then()
                .statusCode(200).extract().jsonPath().getList("items.actor");
    }
}
