package io.longnam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.common.LogPeriod;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditSearchTest {

    static final String SEARCH = "/api/v1/organizations/{id}/audit";

    static String today() {
        return LocalDate.now(LogPeriod.BANGKOK).toString();
    }

    @Test
    void listsTodaysEventsWithFiltersAndSubtree() {
        Tenant school = Api.school("audit-list");
        UUID doc = Api.register(school, "listed");
        Tenant branch = school.child("branch");
        Api.register(branch, "below");
        int buddhistYear = LocalDate.now(LogPeriod.BANGKOK).getYear() + 543;

        List<String> own = school.as().queryParam("day", today()).get(SEARCH, school.orgId()).then().statusCode(200)
                .extract().jsonPath().getList("items.action");
        assertThat(own).contains("organization.created", "document.registered");
        assertThat(school.as().queryParam("year", buddhistYear).get(SEARCH, school.orgId()).then().statusCode(200)
                .extract().jsonPath().getList("items.action")).isEqualTo(own);

        school.as().queryParam("day", today()).queryParam("action", "document.registered")
                .get(SEARCH, school.orgId()).then().statusCode(200)
                .body("items.targetId", equalTo(List.of(doc.toString())))
                .body("items[0].actor", org.hamcrest.Matchers.startsWith("apikey:ln_"));
        school.as().queryParam("day", today()).queryParam("targetType", "document").queryParam("targetId", doc.toString())
                .get(SEARCH, school.orgId()).then().statusCode(200).body("items.size()", equalTo(1));
        assertThat(school.as().queryParam("day", today()).queryParam("subtree", "true").queryParam("action", "document.registered")
                .get(SEARCH, school.orgId()).then().statusCode(200).extract().jsonPath().getList("items"))
                .hasSize(2);
        Api.school("stranger").as().queryParam("day", today()).get(SEARCH, school.orgId()).then().statusCode(404);
        school.as().queryParam("year", "2025").queryParam("from", "2025-01-01T00:00:00Z").get(SEARCH, school.orgId())
                .then().statusCode(400);
    }

    @Test
    void exportsCsv() {
        Tenant school = Api.school("audit-csv");
        UUID doc = Api.register(school, "exported");
        byte[] body = school.as().queryParam("month", today().substring(0, 7)).queryParam("format", "csv")
                .get(SEARCH, school.orgId()).then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFoccurredAt,organizationId,chainSeq,actor,action,targetType,targetId,clientIp,details\r\n")
                .contains(",document.registered,document," + doc + ",");
    }
}
