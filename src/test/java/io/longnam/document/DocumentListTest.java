package io.longnam.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentListTest {

    @Test
    void pagesThroughEveryDocumentExactlyOnceNewestFirst() {
        Tenant school = Api.school("paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, Api.register(school, "doc " + i).toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = school.as().queryParam("limit", 2);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/documents").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void filtersByTypeOwnerLabelAndCreationTime() {
        Tenant school = Api.school("filters");
        Instant before = Instant.now();
        Api.upload(school, TestPdfs.onePage("a"), "{\"documentType\":\"PP1\",\"ownerRef\":\"S1\",\"labels\":[\"m6\"]}").then().statusCode(201);
        Api.upload(school, TestPdfs.onePage("b"), "{\"documentType\":\"PP2\",\"ownerRef\":\"S1\"}").then().statusCode(201);
        Api.upload(school, TestPdfs.onePage("c"), "{\"documentType\":\"PP1\",\"ownerRef\":\"S2\"}").then().statusCode(201);

        school.as().queryParam("type", "PP1").get("/api/v1/documents").then().body("items.size()", equalTo(2));
        school.as().queryParam("ownerRef", "S1").get("/api/v1/documents").then().body("items.size()", equalTo(2));
        school.as().queryParam("label", "m6").get("/api/v1/documents").then().body("items.size()", equalTo(1))
                .body("items[0].documentType", equalTo("PP1"));
        school.as().queryParam("type", "PP1").queryParam("ownerRef", "S2").get("/api/v1/documents")
                .then().body("items.size()", equalTo(1)).body("nextCursor", nullValue());
        school.as().queryParam("createdFrom", before.minusSeconds(3600).toString()).queryParam("createdTo", before.toString())
                .get("/api/v1/documents").then().body("items.size()", equalTo(0));
        school.as().queryParam("status", "REGISTERED").get("/api/v1/documents").then().body("items.size()", equalTo(3));
    }

    @Test
    void rejectsForeignCursorAndBadLimit() {
        Tenant school = Api.school("badcursor");
        school.as().queryParam("cursor", "not-a-cursor").get("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json");
        school.as().queryParam("limit", 0).get("/api/v1/documents").then().statusCode(400);
        school.as().queryParam("type", "BOGUS").get("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void filterValuesAreTheContractsSpellingsOnly() {
        // The spec lists SEALED; a client generated from it never sends "sealed", and the server agrees with the spec.
        Tenant school = Api.school("spelling");
        school.as().queryParam("status", "sealed").get("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("SEALED"));
        school.as().queryParam("status", "SEALED").get("/api/v1/documents").then().statusCode(200);
        school.as().queryParam("status", "completed").get("/api/v1/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void parentOrganisationSeesItsChildrensDocumentsButNotTheReverse() {
        Tenant area = Api.school("เขตพื้นที่");
        Tenant school = area.child("โรงเรียนในเขต");
        Api.register(school, "child doc");
        Api.register(area, "area doc");
        area.as().get("/api/v1/documents").then().body("items.size()", equalTo(2));
        school.as().get("/api/v1/documents").then().body("items.size()", equalTo(1));
    }
}
