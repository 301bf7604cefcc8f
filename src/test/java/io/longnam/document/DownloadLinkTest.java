package io.longnam.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DownloadLinkTest {

    @Inject
    DataSource ds;

    Tenant school;
    byte[] pdf;
    UUID doc;

    @BeforeEach
    void setUp() {
        school = Api.school("links");
        pdf = TestPdfs.onePage("owner's transcript");
        doc = UUID.fromString(Api.upload(school, pdf, null).then().statusCode(201).extract().path("id"));
    }

    @Test
    void linkServesTheFileWithoutLoginAndCountsDownloads() {
        JsonPath link = create(Map.of());
        assertThat(link.getString("url")).startsWith("https://sign.example.test/d/");
        assertThat(link.getString("token")).hasSizeGreaterThanOrEqualTo(43);

        byte[] body = given().get("/d/{t}", link.getString("token")).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        assertThat(body).isEqualTo(pdf);
        school.as().get("/api/v1/documents/{id}/links", doc).then()
                .body("items[0].downloadCount", equalTo(1))
                .body("items[0].token", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void creatingALinkNeedsTheRightToReadTheFile() {
        Tenant registrar = school.withRoles("REGISTRAR");
        registrar.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(403);
        registrar.as().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/documents/{id}/links", doc).then().statusCode(403).contentType("application/problem+json");
        assertThat(Sql.count(ds, "select count(*) from download_link where document_id = ?", doc)).isZero();

        school.withRoles("REGISTRAR", "AUDITOR").as().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/documents/{id}/links", doc).then().statusCode(201);
    }

    @Test
    void linkStopsAfterMaxDownloads() {
        String token = create(Map.of("maxDownloads", 2)).getString("token");
        given().get("/d/{t}", token).then().statusCode(200);
        given().get("/d/{t}", token).then().statusCode(200);
        given().get("/d/{t}", token).then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void linkStopsAtItsExpiry() {
        JsonPath link = create(Map.of("expiresAt", Instant.now().plusSeconds(3600).toString()));
        given().get("/d/{t}", link.getString("token")).then().statusCode(200);
        Sql.update(ds, "update download_link set expires_at = now() - interval '1 second' where id = ?",
                UUID.fromString(link.getString("id")));
        given().get("/d/{t}", link.getString("token")).then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void revokedLinkIsGoneAndUnknownTokenIsNotFound() {
        JsonPath link = create(Map.of());
        school.as().delete("/api/v1/documents/{id}/links/{l}", doc, link.getString("id")).then().statusCode(200)
                .body("revokedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/d/{t}", link.getString("token")).then().statusCode(410);
        given().get("/d/{t}", "A".repeat(43)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rejectsExpiryInThePastAndNonPositiveLimits() {
        school.as().contentType(ContentType.JSON).body(Map.of("expiresAt", "2000-01-01T00:00:00Z"))
                .post("/api/v1/documents/{id}/links", doc).then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        school.as().contentType(ContentType.JSON).body(Map.of("maxDownloads", 0))
                .post("/api/v1/documents/{id}/links", doc).then().statusCode(400).body("errors[0].field", equalTo("maxDownloads"));
    }

    @Test
    void tokenIsStoredOnlyAsAHash() {
        String token = create(Map.of()).getString("token");
        assertThat(Sql.count(ds, "select count(*) from download_link where encode(token_hash, 'escape') like ?", "%" + token + "%")).isZero();
        assertThat(Sql.count(ds, "select count(*) from download_link where token_hash = sha256(convert_to(?, 'UTF8'))", token)).isEqualTo(1);
    }

    private JsonPath create(Map<String, Object> body) {
        return school.as().contentType(ContentType.JSON).body(body).post("/api/v1/documents/{id}/links", doc)
                .then().statusCode(201).extract().jsonPath();
    }
}
