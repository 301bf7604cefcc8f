package io.longnam.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Keys;
import io.longnam.support.Sql;
import io.longnam.testpki.SigningFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests racing for one row: one wins, the others get a 409 they can act on, never a 500; the data stays whole. */
@QuarkusTest
class ConcurrentRequestsTest {

    private static final String PROBLEMS = "https://longnam.io/problems/";

    SigningFixture signing;
    @Inject
    DataSource ds;
    Tenant school;

    @BeforeEach
    void setUp() {
        school = Api.school("race school");
    }

    @Test
    void parallelSealsOfOneDocumentNeitherLoseNorForkAVersionAndTheLosersAreToldItChanged() throws Exception {
        Keys.enrol(school, signing.pki(), "software", "EC_P256");
        UUID doc = Api.register(school, "sealed in turn");

        List<Answer> answers = race(20, i -> () -> school.as().post("/api/v1/documents/{id}/seal", doc));

        // Seals take turns (SigningGate): those that read the document together race, and only the first of them may
        // write; one that starts after a write seals the new version again, as a second seal does.
        long sealed = answers.stream().filter(a -> a.status() == 200).count();
        assertThat(sealed).isBetween(1L, 20L);
        assertThat(answers).filteredOn(a -> a.status() != 200)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.type()).isEqualTo(PROBLEMS + "concurrent-change");
                    assertThat(a.detail()).contains("fetch it and retry");
                });
        assertThat(Sql.count(ds, "select count(*) from document_version where document_id = ? and kind = 'SEALED'", doc))
                .isEqualTo(sealed);
        school.as().get("/api/v1/documents/{id}", doc).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SEALED"))
                .body("versions", org.hamcrest.Matchers.hasSize((int) sealed + 1));
        // Each success signed the version before it: the current PDF carries every seal, all of them valid.
        school.as().get("/api/v1/documents/{id}/verification", doc).then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.is(true))
                .body("signatures", org.hamcrest.Matchers.hasSize((int) sealed));
    }

    @Test
    void parallelDefaultSwitchesLeaveExactlyOneDefault() throws Exception {
        List<String> keys = List.of(
                Keys.enrol(school, signing.pki(), "software", "EC_P256"),
                Keys.enrol(school, signing.pki(), "software", "EC_P256"),
                Keys.enrol(school, signing.pki(), "software", "EC_P256"));
        for (int round = 0; round < 5; round++) {
            List<Answer> answers = race(8, i -> () -> school.as().contentType(ContentType.JSON)
                    .body(Map.of("default", true))
                    .patch("/api/v1/organizations/{o}/signing-keys/{k}", school.orgId(), keys.get(1 + i % 2)));

            assertThat(answers).extracting(Answer::status).isSubsetOf(200, 409).contains(200);
            assertThat(answers).filteredOn(a -> a.status() == 409)
                    .allSatisfy(a -> assertThat(a.type()).isEqualTo(PROBLEMS + "concurrent-change"));
            assertThat(Sql.count(ds, "select count(*) from signing_key where organization_id = ? and is_default",
                    school.orgId())).isEqualTo(1);
        }
    }

    @Test
    void parallelCreatesOfOneOrganisationCodeMakeOneOrganisation() throws Exception {
        String code = "race-" + System.nanoTime();

        List<Answer> answers = race(12, i -> () -> Api.platform().contentType(ContentType.JSON)
                .body(Map.of("name", "racer " + i, "code", code)).post("/api/v1/organizations"));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(11)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.type()).isEqualTo(PROBLEMS + "duplicate-code");
                });
        assertThat(Sql.count(ds, "select count(*) from organization where code = ?", code)).isEqualTo(1);
    }

    @Test
    void parallelEnrolmentsOfOneAliasMakeOneKey() throws Exception {
        String alias = "race-" + System.nanoTime();

        List<Answer> answers = race(8, i -> () -> school.as().contentType(ContentType.JSON)
                .body(Map.of("alias", alias, "algorithm", "EC_P256", "provider", "software",
                        "subject", "CN=race " + i + ",O=Longnam Test School,C=TH"))
                .post("/api/v1/organizations/{org}/signing-keys", school.orgId()));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(7)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.type()).isEqualTo(PROBLEMS + "duplicate-alias");
                });
        assertThat(Sql.count(ds, "select count(*) from signing_key where organization_id = ? and alias = ?",
                school.orgId(), alias)).isEqualTo(1);
    }

    record Answer(int status, String type, String detail) {
        static Answer of(Response r) {
            boolean problem = r.contentType() != null && r.contentType().startsWith("application/problem+json");
            return new Answer(r.statusCode(), problem ? r.path("type") : null, problem ? r.path("detail") : null);
        }
    }

    /** Runs {@code n} requests released together by one start gate. */
    static List<Answer> race(int n, IntFunction<Callable<Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return Answer.of(call.call());
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
