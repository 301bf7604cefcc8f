package io.longnam.accesslog;

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
}
