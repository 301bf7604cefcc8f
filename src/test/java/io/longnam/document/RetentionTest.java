package io.longnam.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.longnam.common.Hashes;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionTest {

    @Inject
    DataSource ds;
    @Inject
    RetentionService retention;

    @Test
    void purgeErasesExpiredDocumentsBytesAndLinksButKeepsATombstone() {
        Tenant school = Api.school("retention");
        byte[] pdf = TestPdfs.onePage("expiring " + UUID.randomUUID());
        UUID doc = UUID.fromString(Api.upload(school, pdf, "{\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .then().statusCode(201).extract().path("id"));
        UUID keeper = Api.register(school, "kept");
        String token = school.as().contentType(ContentType.JSON).body("{}").post("/api/v1/documents/{id}/links", doc)
                .then().statusCode(201).extract().path("token");
        Sql.update(ds, "update document set expires_at = now() - interval '1 second' where id = ?", doc);

        while (retention.purgeExpiredBatch() > 0) {
            // drains every due document, including other tests' ones
        }

        assertThat(blobsWithSha(pdf)).as("bytes really gone").isZero();
        school.as().get("/api/v1/documents/{id}", doc).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("deletedAt", notNullValue())
                .body("versions[0].available", equalTo(false));
        school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(410);
        given().get("/d/{t}", token).then().statusCode(410);
        school.as().get("/api/v1/documents/{id}/file", keeper).then().statusCode(200);
        school.as().queryParam("status", "EXPIRED").get("/api/v1/documents").then().body("items.size()", equalTo(1));
    }

    @Test
    void organisationDefaultRetentionSetsTheExpiryDate() {
        Tenant school = Api.school("default-retention");
        school.as().contentType(ContentType.JSON).body(Map.of("defaultRetentionDays", 30))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200)
                .body("settings.defaultRetentionDays", equalTo(30));
        String expires = school.as().get("/api/v1/documents/{id}", Api.register(school, "x")).then().extract().path("expiresAt");
        assertThat(Instant.parse(expires)).isBetween(Instant.now().plusSeconds(29 * 86400), Instant.now().plusSeconds(31 * 86400));
    }

    @Test
    void adminErasesDocumentsCreatedWithinAPeriod() {
        Tenant school = Api.school("period");
        byte[] old = TestPdfs.onePage("old " + UUID.randomUUID());
        UUID oldDoc = UUID.fromString(Api.upload(school, old, null).then().statusCode(201).extract().path("id"));
        UUID newDoc = Api.register(school, "new");
        Sql.update(ds, "update document set created_at = '2020-03-15T00:00:00Z' where id = ?", oldDoc);

        String job = school.as().contentType(ContentType.JSON)
                .body(Map.of("createdFrom", "2020-01-01T00:00:00Z", "createdTo", "2021-01-01T00:00:00Z"))
                .post("/api/v1/organizations/{id}/document-purges", school.orgId())
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/jobs/"))
                .body("kind", equalTo("PERIOD_PURGE")).body("total", equalTo(1)).extract().path("id");
        awaitFinished(school, job);
        school.as().get("/api/v1/jobs/{id}", job).then().body("status", equalTo("SUCCEEDED")).body("done", equalTo(1));

        assertThat(blobsWithSha(old)).isZero();
        school.as().get("/api/v1/documents/{id}", oldDoc).then().body("status", equalTo("DELETED"))
                .body("deletionReason", equalTo("PERIOD_PURGE"));
        school.as().get("/api/v1/documents/{id}", newDoc).then().body("status", equalTo("REGISTERED"));
    }

    @Test
    void periodPurgeOfManyDocumentsRunsAsAJobThatErasesEachOnce() {
        Tenant school = Api.school("period-many");
        List<UUID> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            docs.add(Api.register(school, "bulk " + i));
        }
        Sql.update(ds, "update document set created_at = '2019-06-01T00:00:00Z' where organization_id = ?", school.orgId());
        String job = school.as().contentType(ContentType.JSON)
                .body(Map.of("createdFrom", "2019-01-01T00:00:00Z", "createdTo", "2020-01-01T00:00:00Z"))
                .post("/api/v1/organizations/{id}/document-purges", school.orgId())
                .then().statusCode(202).body("total", equalTo(25)).extract().path("id");
        awaitFinished(school, job);
        school.as().get("/api/v1/jobs/{id}", job).then().body("status", equalTo("SUCCEEDED")).body("done", equalTo(25));
        assertThat(Sql.count(ds, "select count(*) from document where organization_id = ? and status = 'DELETED'"
                + " and deletion_reason = 'PERIOD_PURGE'", school.orgId())).isEqualTo(25);
        assertThat(Sql.count(ds, "select count(*) from audit_event where organization_id = ? and action = 'document.deleted'",
                school.orgId())).isEqualTo(25);
    }

    @Test
    void periodPurgeWithNothingInThePeriodFinishesAtOnce() {
        Tenant school = Api.school("period-empty");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("createdFrom", "2001-01-01T00:00:00Z", "createdTo", "2002-01-01T00:00:00Z"))
                .post("/api/v1/organizations/{id}/document-purges", school.orgId())
                .then().statusCode(202).body("total", equalTo(0)).body("status", equalTo("SUCCEEDED"));
    }

    private static void awaitFinished(Tenant school, String job) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String status = school.as().get("/api/v1/jobs/{id}", job).then().statusCode(200).extract().path("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + job + " did not finish within 60 s");
    }

    @Test
    void onlyAdministratorsDelete() {
        Tenant school = Api.school("delete-rights");
        UUID doc = Api.register(school, "x");
        school.withRoles("REGISTRAR").as().delete("/api/v1/documents/{id}", doc).then().statusCode(403);
        school.as().delete("/api/v1/documents/{id}", doc).then().statusCode(200).body("status", equalTo("DELETED"));
        school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(410);
    }

    private long blobsWithSha(byte[] pdf) {
        return Sql.count(ds, "select count(*) from blob where sha256 = ?", HexFormat.of().parseHex(Hashes.sha256Hex(pdf)));
    }
}
