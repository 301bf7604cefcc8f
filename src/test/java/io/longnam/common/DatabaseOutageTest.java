package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TcpProxy;
import io.longnam.support.TestPdfs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under load, played by cutting a relay between the service and the shared server: every
 * answer meanwhile is a retryable 503 (never a 500, nor a 401 for a key that could not be looked up), readiness
 * reports DOWN, and once the database is back the service answers again without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    private static final String UNAVAILABLE = "https://longnam.io/problems/database-unavailable";

    TcpProxy proxy;

    @Test
    void outageAnswers503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        Tenant school = Api.school("outage school");
        UUID doc = Api.register(school, "survives the outage");
        // Never used before the cut, so its first lookup has to reach the database.
        Tenant unseen = school.withRoles("AUDITOR");
        List<Function<Integer, Response>> requests = List.of(
                i -> school.as().get("/api/v1/documents/{id}", doc),
                i -> Api.upload(school, TestPdfs.onePage("written during load " + i), null),
                i -> school.as().get("/api/v1/documents"),
                i -> unseen.as().get("/api/v1/documents/{id}", doc));
        assertThat(ready().statusCode()).isEqualTo(200);

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(requests.size());
        for (Function<Integer, Response> request : requests) {
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    long started = System.nanoTime();
                    Response r = request.apply(i);
                    answers.add(new Answer(started, System.nanoTime(), r.statusCode(), r.header("Retry-After"),
                            r.contentType() != null && r.contentType().startsWith("application/problem+json")
                                    ? r.jsonPath() : null));
                }
                return null;
            });
        }
        try {
            Thread.sleep(1_500);
            // Taken once every connection is closed: a request that started while cut() was closing them may still succeed.
            proxy.cut();
            long cutAt = System.nanoTime();
            Thread.sleep(7_000); // longer than the API-key cache keeps an identity, so lookups hit the database too
            Response down = ready();
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.jsonPath().getString("status")).isEqualTo("DOWN");
            long restoredAt = System.nanoTime();
            proxy.restore();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ready().statusCode() != 200) {
                assertThat(System.nanoTime()).as("readiness UP again within 30 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            long upAt = System.nanoTime();
            Thread.sleep(2_000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Answer> all = List.copyOf(answers);
            assertThat(all).extracting(Answer::status).doesNotContain(500, 401);
            assertThat(all).filteredOn(a -> a.finished() < cutAt).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).isBetween(200, 299));
            assertThat(all).filteredOn(a -> a.started() > cutAt && a.started() < restoredAt)
                    .as("failing fast, not hanging").allSatisfy(a -> assertThat(a.finished() - a.started())
                            .isLessThan(TimeUnit.SECONDS.toNanos(10)));
            List<Answer> during = all.stream().filter(a -> a.started() > cutAt && a.finished() < restoredAt).toList();
            assertThat(during).hasSizeGreaterThan(requests.size());
            assertThat(during).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.retryAfter()).isNotBlank();
                assertThat(a.problem().getString("type")).isEqualTo(UNAVAILABLE);
                assertThat(a.problem().getBoolean("retryable")).isTrue();
            });
            assertThat(all).filteredOn(a -> a.started() > upAt).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).isBetween(200, 299));
        } finally {
            running.set(false);
            load.shutdownNow();
            proxy.restore();
        }
    }

    private static Response ready() {
        return given().get("/q/health/ready");
    }

    record Answer(long started, long finished, int status, String retryAfter, io.restassured.path.json.JsonPath problem) {
    }

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseProxy.class));
        }
    }

    /** Puts a {@link TcpProxy} between the service and PostgreSQL and hands it to the test. */
    public static class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

        private TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = new TcpProxy("127.0.0.1", 5432);
            String db = System.getenv().getOrDefault("TEST_DATABASE", "longnam_test");
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db;
            // Both keys: a %test value in application.properties would otherwise win over a plain override.
            return Map.of("quarkus.datasource.jdbc.url", url, "%test.quarkus.datasource.jdbc.url", url);
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
