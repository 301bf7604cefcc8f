package io.longnam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.report.ReportDtos.ReportRow;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@QuarkusTest
class DashboardTest {

    static final String REFERENCE = "src/test/resources/reference/dashboard-chart.svg";

    @Test
    void theDashboardCountsTheSubtreesDocumentsAndTopOrganisations() {
        Tenant school = Api.school("แดชบอร์ด");
        Tenant branch = school.child("สาขาหนึ่ง");
        for (int i = 0; i < 3; i++) {
            Api.register(school, "own " + i);
        }
        Api.register(branch, "branch");
        JsonPath d = school.as().queryParam("lang", "th").get("/api/v1/dashboard").then().statusCode(200)
                .body("totals.documents", equalTo(4)).body("totals.createdToday", equalTo(4))
                .body("totals.createdThisMonth", equalTo(4)).body("totals.createdThisYear", equalTo(4))
                .body("byStatus[0].key", equalTo("REGISTERED")).body("byStatus[0].label", equalTo("ลงทะเบียน"))
                .body("byStatus[0].count", equalTo(4))
                .body("topOrganizations.key", equalTo(List.of(branch.orgId().toString())))
                .body("topOrganizations[0].label", equalTo("สาขาหนึ่ง"))
                .body("backlog.jobsQueued", equalTo(0)).body("backlog.pendingApproval", equalTo(0))
                .extract().jsonPath();
        assertThat(d.getList("series")).hasSize(30);
        assertThat(d.getString("series[29].key")).isEqualTo(LocalDate.now(ReportFilter.BANGKOK).toString());
        assertThat(d.getInt("series[29].count")).isEqualTo(4);
        branch.as().get("/api/v1/dashboard").then().statusCode(200).body("totals.documents", equalTo(1));
        branch.as().queryParam("organizationId", school.orgId().toString()).get("/api/v1/dashboard").then().statusCode(404);
        school.as().queryParam("days", "0").get("/api/v1/dashboard").then().statusCode(400);
    }

    /**
     * #18: the dashboard is the reports' figures, read from the same event-kept summary: on a seeded subtree (documents
     * in a school and two branches, some deleted) every part equals the report that answers the same question, and
     * the counts the test seeded.
     */
    @Test
    void theDashboardAgreesWithTheReportsOnASeededSubtree() {
        Tenant school = Api.school("โรงเรียนตรงกัน");
        Tenant north = school.child("สาขาเหนือ");
        Tenant south = school.child("สาขาใต้");
        List<java.util.UUID> seeded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seeded.add(Api.register(school, "school " + i));
        }
        for (int i = 0; i < 4; i++) {
            seeded.add(Api.register(north, "north " + i));
        }
        seeded.add(Api.register(south, "south"));
        school.as().delete("/api/v1/documents/{id}", seeded.get(0)).then().statusCode(200);
        north.as().delete("/api/v1/documents/{id}", seeded.get(3)).then().statusCode(200);

        JsonPath d = school.as().queryParam("days", "7").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
        JsonPath byStatus = report(school, "status");
        assertThat(rows(d, "byStatus")).isEqualTo(rows(byStatus, "rows"))
                .containsExactly(java.util.Map.entry("REGISTERED", 8), java.util.Map.entry("DELETED", 2));
        assertThat(d.getInt("totals.createdThisYear")).isEqualTo(report(school, "year").getInt("total")).isEqualTo(8);
        assertThat(d.getInt("totals.documents")).isEqualTo(6);
        JsonPath days = school.as().queryParam("groupBy", "day")
                .queryParam("from", LocalDate.now(ReportFilter.BANGKOK).minusDays(6).toString())
                .get("/api/v1/reports/documents").then().statusCode(200).extract().jsonPath();
        assertThat(d.getList("series.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(days.getInt("total"));
        java.util.Map<String, Integer> byOrganization = rows(report(school, "organization"), "rows");
        byOrganization.remove(school.orgId().toString());
        assertThat(rows(d, "topOrganizations")).isEqualTo(byOrganization)
                .containsExactly(java.util.Map.entry(north.orgId().toString(), 4), java.util.Map.entry(south.orgId().toString(), 1));
    }

    private static JsonPath report(Tenant t, String groupBy) {
        return t.as().queryParam("groupBy", groupBy).get("/api/v1/reports/documents").then().statusCode(200)
                .extract().jsonPath();
    }

    /** key → count, in the answer's order. */
    private static java.util.Map<String, Integer> rows(JsonPath json, String path) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        List<String> keys = json.getList(path + ".key", String.class);
        List<Integer> counts = json.getList(path + ".count", Integer.class);
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), counts.get(i));
        }
        return out;
    }

    @Test
    void theChartEndpointAnswersWellFormedSvgThatRunsNothing() throws Exception {
        Tenant school = Api.school("กราฟ");
        Api.register(school, "charted");
        String svg = school.as().queryParam("lang", "th").queryParam("days", "14").get("/api/v1/dashboard/chart.svg")
                .then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("Content-Security-Policy", startsWith("default-src 'none'")).extract().asString();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 360 260");
        assertThat(xml.getElementsByTagName("rect").getLength()).isEqualTo(1 + 14);
        assertThat(svg).contains("เอกสารที่สร้าง รายวัน", "รวม 1").doesNotContain("<script");
    }

    @Test
    void labelsAreEscapedSoANameNeverBecomesMarkup() {
        String svg = BarChartSvg.render("<script>alert(1)</script>", "x", List.of(new ReportRow("k", "<img onerror=x>", 3)));
        assertThat(svg).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img onerror=x&gt;");
    }

    /** The reviewed picture: a month of Thai-labelled days at phone width. -Dreport.updateReference=true rewrites it. */
    @Test
    void theChartLooksLikeItsReviewedReference() throws Exception {
        List<ReportRow> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 3, 1);
        int[] counts = {12, 30, 28, 41, 0, 0, 35, 52, 48, 61, 57, 3, 1, 44, 39, 70, 66, 58, 0, 2, 49, 51, 47, 80, 73, 5,
                0, 62, 55, 60};
        for (int i = 0; i < counts.length; i++) {
            LocalDate d = first.plusDays(i);
            days.add(new ReportRow(d.toString(), ReportLabels.day(d, true), counts[i]));
        }
        String svg = BarChartSvg.render("เอกสารที่สร้าง รายวัน", "1 มี.ค. 2569 – 30 มี.ค. 2569  รวม "
                + java.util.Arrays.stream(counts).sum(), days);
        if (Boolean.getBoolean("report.updateReference")) {
            Files.writeString(Path.of(REFERENCE), svg, StandardCharsets.UTF_8);
        }
        assertThat(svg).isEqualTo(Files.readString(Path.of(REFERENCE), StandardCharsets.UTF_8));
    }
}
