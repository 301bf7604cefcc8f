package io.longnam.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signature level has one spelling, B-B, B-T, B-LT or B-LTA, in every request, setting and report, and the
 * contract publishes it (and the other closed sets: indication, key and template status) as enums.
 */
@QuarkusTest
class SignatureLevelSpellingTest {

    static final String ALLOWED = "one of [B-B, B-T, B-LT, B-LTA]";

    @Test
    void aSealRequestWithAnotherSpellingIsRefusedNamingTheAllowedLevels() {
        Tenant school = Api.school("โรงเรียนระดับ");
        String doc = Api.register(school, "level").toString();
        for (String other : List.of("B_B", "b-b", "PAdES-BASELINE-B", "B-X")) {
            school.as().contentType(ContentType.JSON).body(Map.of("level", other))
                    .post("/api/v1/documents/{id}/seal", doc).then().statusCode(400)
                    .body("errors.field", hasItem("level")).body("detail", containsString(ALLOWED));
        }
        school.as().get("/api/v1/documents/{id}", doc).then().statusCode(200).body("status", equalTo("REGISTERED"));
    }

    @Test
    void organisationSettingsTakeAndShowTheContractSpelling() {
        Tenant school = Api.school("โรงเรียนตั้งค่าระดับ");
        school.as().get("/api/v1/organizations/{id}", school.orgId()).then().statusCode(200)
                .body("settings.defaultSignatureLevel", equalTo("B-B"));
        school.as().contentType(ContentType.JSON).body(Map.of("defaultSignatureLevel", "B_LT"))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(400)
                .body("detail", containsString(ALLOWED));
        school.as().contentType(ContentType.JSON).body(Map.of("timestampEnabled", true, "defaultSignatureLevel", "B-LTA"))
                .patch("/api/v1/organizations/{id}/settings", school.orgId()).then().statusCode(200)
                .body("settings.defaultSignatureLevel", equalTo("B-LTA"));
        school.as().get("/api/v1/organizations/{id}", school.orgId()).then()
                .body("settings.defaultSignatureLevel", equalTo("B-LTA"));
    }

    @Test
    void jobsTakeOnlyTheContractSpellingInJsonAndInFormFields() {
        Tenant school = Api.school("โรงเรียนงานระดับ");
        school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "seal", true, "level", "b_t", "records", List.of()))
                .post("/api/v1/jobs").then().statusCode(400)
                .body("errors.field", hasItem("level")).body("detail", containsString("B-B, B-T, B-LT, B-LTA"));
        school.as().multiPart("file", "t.csv", "studentId\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("templateId", "PP2").multiPart("seal", "true").multiPart("level", "B_T")
                .post("/api/v1/jobs/files").then().statusCode(400)
                .body("errors.field", hasItem("level")).body("detail", containsString("B-B, B-T, B-LT, B-LTA"));
    }

    @Test
    void theContractPublishesLevelsIndicationsAndStatusesAsEnums() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode schemas = contract.at("/components/schemas");
        assertThat(values(schemas.at("/SignatureLevel/enum"))).containsExactly("B-B", "B-T", "B-LT", "B-LTA");
        for (String property : List.of("/SealCommand/properties/level", "/RenderRequest/properties/level",
                "/JobOptions/properties/level", "/JobSubmission/properties/level", "/Settings/properties/defaultSignatureLevel",
                "/SettingsPatch/properties/defaultSignatureLevel", "/SignatureReport/properties/level")) {
            assertThat(schemas.at(property).toString()).as(property).contains("#/components/schemas/SignatureLevel");
        }
        assertThat(values(schemas.at("/JobUpload/properties/level/enum"))).as("the multipart form field")
                .containsExactly("B-B", "B-T", "B-LT", "B-LTA");
        assertThat(values(schemas.at("/Indication/enum"))).containsExactly("TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE");
        assertThat(schemas.at("/SignatureReport/properties/indication/$ref").asText()).endsWith("/Indication");
        assertThat(values(schemas.at("/KeyStatus/enum"))).containsExactly("PENDING_CERTIFICATE", "ACTIVE", "DISABLED");
        assertThat(values(schemas.at("/TemplateStatus/enum"))).containsExactly("ACTIVE", "RETIRED");
        assertThat(values(schemas.at("/PersonalKeyView/properties/provider/enum"))).containsExactly("software", "pkcs11");
        assertThat(schemas.fieldNames()).toIterable().as("enums named for what they are, not Status1, Status2…")
                .noneMatch(name -> name.matches("Status\\d*"));
    }

    private static List<String> values(JsonNode array) {
        assertThat(array.isArray()).as("an enum").isTrue();
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
