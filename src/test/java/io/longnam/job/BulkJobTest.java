package io.longnam.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Api;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkJobTest {

    @Inject
    DataSource ds;
    @Inject
    ObjectMapper json;

    Tenant admin;
    Tenant school;

    @BeforeEach
    void setUp() {
        admin = Api.school("โรงเรียนงานชุด");
        school = admin.withRoles("REGISTRAR");
    }

    @Test
    void aJsonJobOfPp1RecordsFinishesWithOneDocumentPerRecord() {
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP1", "records", JobSamples.pp1s(6),
                "ownerRefField", "studentId", "labels", List.of("graduates-2569")));

        JsonPath p = JobSamples.awaitSettled(school, job);
        assertThat(p.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(p.getInt("total")).isEqualTo(6);
        assertThat(p.getInt("done")).isEqualTo(6);
        assertThat(p.getInt("failed")).isZero();
        assertThat(p.getString("startedAt")).isNotNull();
        assertThat(p.getString("finishedAt")).isNotNull();
        assertThat(p.getFloat("itemsPerSecond")).isPositive();

        List<Map<String, Object>> items = JobSamples.items(school, job, null);
        assertThat(items).extracting(i -> i.get("seq")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(items).allSatisfy(i -> assertThat(i.get("status")).isEqualTo("DONE"));
        Set<Object> documents = new HashSet<>(items.stream().map(i -> i.get("documentId")).toList());
        assertThat(documents).hasSize(6).doesNotContainNull();

        Map<String, Object> first = items.getFirst();
        Tenant auditor = admin.withRoles("AUDITOR");
        auditor.as().get("/api/v1/documents/{id}", first.get("documentId")).then().statusCode(200)
                .body("documentType", equalTo("PP1"))
                .body("ownerRef", equalTo("S1"))
                .body("importChannel", equalTo("BULK_JOB"))
                .body("inputFormat", equalTo("TEMPLATE_JSON"))
                .body("externalRef", equalTo("job:" + job + ":1"))
                .body("labels[0]", equalTo("graduates-2569"))
                .body("status", equalTo("REGISTERED"));
        byte[] pdf = auditor.as().get("/api/v1/documents/{id}/file", first.get("documentId")).then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void badRecordsFailIndividuallyWhileValidOnesAreProduced() {
        List<Map<String, Object>> records = JobSamples.pp1s(5);
        records.get(1).put("nationalId", "1101700203451");
        records.get(3).remove("studentName");
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP1", "records", records));

        JsonPath p = JobSamples.awaitSettled(school, job);
        assertThat(p.getString("status")).isEqualTo("PARTIALLY_FAILED");
        assertThat(p.getInt("done")).isEqualTo(3);
        assertThat(p.getInt("failed")).isEqualTo(2);

        List<Map<String, Object>> failed = JobSamples.items(school, job, "FAILED");
        assertThat(failed).extracting(i -> i.get("seq")).containsExactly(2, 4);
        assertThat(failed).allSatisfy(i -> {
            assertThat(i.get("errorCode")).isEqualTo("INVALID_FIELDS");
            assertThat(i.get("documentId")).isNull();
        });
        assertThat(fields(failed.get(0))).containsExactly("nationalId");
        assertThat(fields(failed.get(1))).containsExactly("studentName");
        assertThat(JobSamples.items(school, job, "DONE")).extracting(i -> i.get("seq")).containsExactly(1, 3, 5);
    }

    @Test
    void aCsvRowWithAFormulaFailsWithItsCodeAndTheOtherRowsAreProduced() throws Exception {
        StringBuilder csv = new StringBuilder("certificateNumber,schoolName,level,studentName,studentId,nationalId,birthDate,directorName\n");
        for (int n = 1; n <= 3; n++) {
            Map<String, Object> r = JobSamples.pp2(n);
            String name = n == 2 ? "=HYPERLINK(\"http://evil.example\",\"คลิก\")" : (String) r.get("studentName");
            csv.append(String.join(",", (String) r.get("certificateNumber"), (String) r.get("schoolName"),
                    (String) r.get("level"), quote(name), (String) r.get("studentId"), (String) r.get("nationalId"),
                    (String) r.get("birthDate"), (String) r.get("directorName"))).append('\n');
        }
        UUID job = UUID.fromString(school.as().multiPart("file", "pp2.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("templateId", "PP2").multiPart("ownerRefField", "studentId")
                .post("/api/v1/jobs/files").then().statusCode(202)
                .body("inputFormat", equalTo("CSV")).body("total", equalTo(3)).extract().path("id"));

        JsonPath p = JobSamples.awaitSettled(school, job);
        assertThat(p.getString("status")).isEqualTo("PARTIALLY_FAILED");
        assertThat(p.getInt("done")).isEqualTo(2);
        List<Map<String, Object>> failed = JobSamples.items(school, job, "FAILED");
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().get("seq")).isEqualTo(2);
        assertThat(failed.getFirst().get("errorCode")).isEqualTo("FORMULA_INJECTION");
        assertThat(fields(failed.getFirst())).containsExactly("studentName");
        assertThat(Sql.count(ds, "select count(*) from document where external_ref like ?", "job:" + job + ":%")).isEqualTo(2);
    }

    @Test
    void aCsvCellMayCarryThePp1CoursesAsJson() throws Exception {
        Map<String, Object> r = JobSamples.pp1(7);
        List<String> header = List.of("formSet", "formNumber", "schoolName", "studentName", "studentId", "nationalId",
                "birthDate", "courses", "gpax", "registrarName", "directorName");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        csv.append(String.join(",", header.stream().map(h -> quote(h.equals("courses")
                ? toJson(r.get(h)) : String.valueOf(r.get(h)))).toList())).append('\n');
        UUID job = UUID.fromString(school.as().multiPart("file", "pp1.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("templateId", "PP1").post("/api/v1/jobs").then().statusCode(202).extract().path("id"));
        assertThat(JobSamples.awaitSettled(school, job).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void malformedRequestsAnswer400AndCreateNothing() {
        long before = Sql.count(ds, "select count(*) from job");
        post(Map.of("templateId", "PP9", "records", JobSamples.pp1s(1))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("templateId"));
        post(Map.of("records", JobSamples.pp1s(1))).then().statusCode(400).body("errors[0].field", equalTo("templateId"));
        post(Map.of("templateId", "PP1")).then().statusCode(400).body("errors[0].field", equalTo("records"));
        post(Map.of("templateId", "PP1", "records", List.of())).then().statusCode(400).body("errors[0].field", equalTo("records"));
        post(Map.of("templateId", "PP1", "records", List.of(JobSamples.pp1(1), "not an object"))).then().statusCode(400)
                .body("errors[0].field", equalTo("records[1]"));
        post(Map.of("templateId", "PP1", "records", "x")).then().statusCode(400);
        post(Map.of("templateId", "PP1", "records", JobSamples.pp1s(1), "colour", "blue")).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        post(Map.of("templateId", "PP1", "records", JobSamples.pp1s(1), "labels", List.of("bad label!"))).then().statusCode(400);
        post(Map.of("templateId", "PP1", "records", JobSamples.pp1s(1), "expiresAt", "2001-01-01T00:00:00Z")).then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        school.as().contentType(ContentType.JSON).body("{\"templateId\":\"PP1\",\"records\":[{}").post("/api/v1/jobs")
                .then().statusCode(400).contentType("application/problem+json");
        // Sealing needs the SIGNER role too; a registrar-only key cannot ask for it.
        post(Map.of("templateId", "PP1", "records", JobSamples.pp1s(1), "seal", true)).then().statusCode(403);
        school.as().multiPart("file", "x.txt", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("templateId", "PP1").post("/api/v1/jobs/files").then().statusCode(415);
        admin.withRoles("AUDITOR").as().contentType(ContentType.JSON).body(Map.of("templateId", "PP1", "records", JobSamples.pp1s(1)))
                .post("/api/v1/jobs").then().statusCode(403);
        assertThat(Sql.count(ds, "select count(*) from job")).isEqualTo(before);
    }

    @Test
    void aTableTheEngineCannotReadIsRefusedByJobsExactlyAsByRenders() {
        byte[] repeatedHeader = "studentId,studentId\nS1,S2\n".getBytes(StandardCharsets.UTF_8);
        long jobsBefore = Sql.count(ds, "select count(*) from job");
        Map<String, Object> byJobs = problem(school.as().multiPart("file", "bad.csv", repeatedHeader, "text/csv")
                .multiPart("templateId", "PP2").post("/api/v1/jobs/files"));
        Map<String, Object> byRenders = problem(school.as().multiPart("file", "bad.csv", repeatedHeader, "text/csv")
                .multiPart("templateId", "PP2").post("/api/v1/renders/batches"));

        assertThat(byJobs).isEqualTo(byRenders);
        assertThat(byJobs).containsEntry("status", 422).containsEntry("code", "MALFORMED_TABLE");
        assertThat(Sql.count(ds, "select count(*) from job")).isEqualTo(jobsBefore);
    }

    @Test
    void aCsvIsRecognisedByApplicationCsvOrByItsNameWhenSentWithoutAUsefulType() {
        byte[] csv = pp2Csv(2);
        for (String[] part : List.of(new String[]{"grads.dat", "application/csv"}, new String[]{"grads.csv", "application/octet-stream"},
                new String[]{"grads.csv", "application/vnd.ms-excel"})) {
            UUID job = UUID.fromString(school.as().multiPart("file", part[0], csv, part[1]).multiPart("templateId", "PP2")
                    .post("/api/v1/jobs/files").then().statusCode(202).body("inputFormat", equalTo("CSV")).extract().path("id"));
            assertThat(JobSamples.awaitSettled(school, job).getInt("done")).isEqualTo(2);
        }
        school.as().multiPart("templateId", "PP2").multiPart("file", "grads.dat", csv, "application/csv")
                .post("/api/v1/renders/batches").then().statusCode(201).body("items.size()", equalTo(2));
        school.as().multiPart("file", "grads.dat", csv, "application/octet-stream").multiPart("templateId", "PP2")
                .post("/api/v1/jobs/files").then().statusCode(415).contentType("application/problem+json");
    }

    private static byte[] pp2Csv(int rows) {
        List<String> header = List.of("certificateNumber", "schoolName", "level", "studentName", "studentId", "nationalId",
                "birthDate", "directorName");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (int n = 1; n <= rows; n++) {
            Map<String, Object> r = JobSamples.pp2(n);
            csv.append(String.join(",", header.stream().map(h -> quote((String) r.get(h))).toList())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The problem body without what differs between any two requests (the request's path and id). */
    private static Map<String, Object> problem(io.restassured.response.Response r) {
        Map<String, Object> body = new LinkedHashMap<>(r.then().contentType("application/problem+json").extract().jsonPath().getMap(""));
        body.remove("instance");
        body.remove("requestId");
        return body;
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheSameJob() {
        Map<String, Object> body = Map.of("templateId", "PP2", "records", List.of(JobSamples.pp2(1), JobSamples.pp2(2)));
        String first = school.as().header("Idempotency-Key", "batch-2569-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/jobs").then().statusCode(202).header("Location", notNullValue()).extract().path("id");
        school.as().header("Idempotency-Key", "batch-2569-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/jobs").then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        school.as().header("Idempotency-Key", "batch-2569-1").contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "records", List.of(JobSamples.pp2(3))))
                .post("/api/v1/jobs").then().statusCode(409);
        assertThat(Sql.count(ds, "select count(*) from job where organization_id = ?", school.orgId())).isEqualTo(1);
        assertThat(JobSamples.awaitSettled(school, UUID.fromString(first)).getInt("done")).isEqualTo(2);
    }

    @Test
    void anotherTenantsJobIsNotFound() {
        UUID job = JobSamples.submit(school, Map.of("templateId", "PP2", "records", List.of(JobSamples.pp2(1))));
        Tenant intruder = Api.school("ผู้บุกรุก");
        intruder.as().get("/api/v1/jobs/{id}", job).then().statusCode(404).contentType("application/problem+json");
        intruder.as().get("/api/v1/jobs/{id}/items", job).then().statusCode(404);
        intruder.as().post("/api/v1/jobs/{id}/cancel", job).then().statusCode(404);
        intruder.as().get("/api/v1/jobs").then().statusCode(200).body("items.size()", equalTo(0));
        school.as().get("/api/v1/jobs").then().statusCode(200).body("items[0].id", equalTo(job.toString()));
        JobSamples.awaitSettled(school, job);
    }

    private io.restassured.response.Response post(Map<String, Object> body) {
        return school.as().contentType(ContentType.JSON).body(body).post("/api/v1/jobs");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static Map<String, Object> copy(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}
