package io.longnam.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client that already holds a file sends its ETag back and gets a 304 without the bytes. */
@QuarkusTest
class ConditionalDownloadTest {

    @Test
    void documentFileAndItsVersionsAnswer304ForTheETagTheClientHolds() {
        Tenant school = Api.school("โรงเรียนแคช");
        UUID doc = Api.register(school, "etag");
        String etag = school.as().get("/api/v1/documents/{id}/file", doc).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");

        for (String held : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            school.as().header("If-None-Match", held).get("/api/v1/documents/{id}/file", doc).then().statusCode(304)
                    .header("ETag", etag).body(emptyString());
        }
        school.as().header("If-None-Match", etag).queryParam("version", 1).get("/api/v1/documents/{id}/file", doc)
                .then().statusCode(304);
        school.as().header("If-None-Match", "\"other\"").get("/api/v1/documents/{id}/file", doc).then().statusCode(200)
                .header("ETag", etag);
    }

    @Test
    void aLinkAnswers304WithoutUsingUpADownload() {
        Tenant school = Api.school("โรงเรียนลิงก์แคช");
        UUID doc = Api.register(school, "etag link");
        String etag = school.as().get("/api/v1/documents/{id}/file", doc).then().extract().header("ETag");
        String token = school.as().contentType(ContentType.JSON).body(Map.of("maxDownloads", 1))
                .post("/api/v1/documents/{id}/links", doc).then().statusCode(201).extract().path("token");

        given().header("If-None-Match", etag).get("/d/{token}", token).then().statusCode(304).header("ETag", etag);
        given().get("/d/{token}", token).then().statusCode(200).header("ETag", etag);
        given().header("If-None-Match", etag).get("/d/{token}", token).then().statusCode(410);
    }

    @Test
    void theContractDocumentsETagIfNoneMatchAnd304OnEveryDownload() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        for (String[] op : List.of(new String[] {"/api/v1/documents/{id}/file", "downloadDocumentFile"},
                new String[] {"/d/{token}", "downloadByLink"}, new String[] {"/api/v1/workflows/{id}/file", "downloadWorkflowFile"})) {
            JsonNode get = contract.path("paths").path(op[0]).path("get");
            assertThat(get.path("operationId").asText()).isEqualTo(op[1]);
            assertThat(get.path("parameters").findValuesAsText("name")).as(op[1]).contains("If-None-Match");
            assertThat(get.at("/responses/200/headers/ETag/$ref").asText()).as(op[1]).isEqualTo("#/components/headers/ETag");
            assertThat(get.at("/responses/304/headers/ETag/$ref").asText()).as(op[1]).isEqualTo("#/components/headers/ETag");
            assertThat(get.at("/responses/200/content/application~1pdf/schema/format").asText()).isEqualTo("binary");
        }
    }
}
