package io.longnam.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.render.PdfChecks;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Report figures on a seeded data set, checked against counts this test computes itself. The seed goes straight into
 * {@code document_status_event} (a year of documents through the API would take hours); that the events themselves
 * keep the table current is checked separately through the API.
 */
@QuarkusTest
class ReportTest {

    static final String REPORT = "/api/v1/reports/documents";
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final String[] STATUSES = {"REGISTERED", "SEALED", "SIGNED", "REJECTED", "EXPIRED", "DELETED"};
    static final String[] TYPES = {"PP1", "PP2", "LETTER"};
    static final String[] FORMATS = {"PDF", "CSV", "XLSX", "TEMPLATE_JSON"};
    static final String[] CHANNELS = {"API", "WEB_UPLOAD", "BULK_JOB"};

    record Seeded(Instant at, UUID org, String status, String type, String format, String channel) {
        LocalDate day() {
            return at.atZone(BANGKOK).toLocalDate();
        }
    }

    @Inject
    DataSource db;

    Tenant area;
    Tenant schoolA;
    Tenant schoolB;
    Tenant branchOfA;
    List<Seeded> seeded;

    @BeforeEach
    void seed() {
        area = Api.school("เขตพื้นที่");
        schoolA = area.child("=HYPERLINK(\"http://evil\")");
        schoolB = area.child("โรงเรียนบี");
        branchOfA = schoolA.child("สาขา");
        List<UUID> orgs = List.of(area.orgId(), schoolA.orgId(), schoolB.orgId(), branchOfA.orgId());
        Random random = new Random(42);
        seeded = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 600; i++) {
            Instant at = start.plusSeconds(random.nextLong(2 * 365L * 86400));
            seeded.add(new Seeded(at, orgs.get(random.nextInt(orgs.size())), STATUSES[random.nextInt(STATUSES.length)],
                    TYPES[random.nextInt(TYPES.length)], FORMATS[random.nextInt(FORMATS.length)],
                    CHANNELS[random.nextInt(CHANNELS.length)]));
        }
        // On the Bangkok day boundary: 17:30 UTC on 31 January is 00:30 on 1 February in Bangkok.
        seeded.add(new Seeded(Instant.parse("2026-01-31T17:30:00Z"), schoolB.orgId(), "REGISTERED", "PP1", "PDF", "API"));
        List<Object> values = new ArrayList<>();
        for (Seeded s : seeded) {
            values.addAll(List.of(s.at().atOffset(ZoneOffset.UTC), s.org(), UUID.randomUUID(), s.status(), s.type(),
                    s.format(), s.channel()));
        }
        Sql.update(db, "insert into document_status_event values "
                + String.join(",", java.util.Collections.nCopies(seeded.size(), "(?, ?, ?, ?, ?, ?, ?)")), values.toArray());
    }

    @Test
    void countsByMonthMatchTheSeededDocumentsCreatedInBangkokTime() {
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2026, 2, 28);
        Map<String, Long> expected = expect(s -> s.status().equals("REGISTERED") && inPeriod(s, from, to),
                s -> s.day().toString().substring(0, 7));
        JsonPath report = area.as().queryParam("groupBy", "month").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(rows(report)).isEqualTo(expected);
        assertThat(report.getLong("total")).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(expected.get("2026-02")).as("the boundary row counts in February").isPositive();
    }

    @Test
    void countsByDayCombineEveryFilter() {
        LocalDate from = LocalDate.of(2025, 6, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        Map<String, Long> expected = expect(s -> inPeriod(s, from, to) && List.of("SEALED", "SIGNED").contains(s.status())
                        && s.type().equals("PP1") && List.of("PDF", "CSV").contains(s.format()) && !s.channel().equals("API"),
                s -> s.day().toString());
        JsonPath report = area.as().queryParam("groupBy", "day").queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("status", "SEALED,SIGNED").queryParam("type", "PP1")
                .queryParam("inputFormat", "PDF,CSV").queryParam("importChannel", "WEB_UPLOAD,BULK_JOB")
                .get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(rows(report)).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void countsByStatusFormatChannelAndType() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Map<String, Function<Seeded, String>> dimensions = Map.of("status", Seeded::status, "type", Seeded::type,
                "inputFormat", Seeded::format, "importChannel", Seeded::channel);
        dimensions.forEach((groupBy, key) -> {
            Predicate<Seeded> which = groupBy.equals("status") ? s -> inPeriod(s, from, to)
                    : s -> inPeriod(s, from, to) && s.status().equals("REGISTERED");
            assertThat(rows(area.as().queryParam("groupBy", groupBy).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).get(REPORT).then().statusCode(200).extract().jsonPath()))
                    .as(groupBy).isEqualTo(expect(which, key));
        });
    }

    @Test
    void organisationsRollUpThroughTheTree() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Map<UUID, UUID> rollsUpTo = Map.of(area.orgId(), area.orgId(), schoolA.orgId(), schoolA.orgId(),
                branchOfA.orgId(), schoolA.orgId(), schoolB.orgId(), schoolB.orgId());
        Map<String, Long> expected = expect(s -> inPeriod(s, from, to) && s.status().equals("REGISTERED"),
                s -> rollsUpTo.get(s.org()).toString());
        JsonPath report = area.as().queryParam("groupBy", "organization").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(rows(report)).isEqualTo(expected);
        assertThat(report.getList("rows.label", String.class)).contains("โรงเรียนบี", "=HYPERLINK(\"http://evil\")");
    }

    @Test
    void aCallerSeesOnlyItsOwnSubtree() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        schoolA.as().queryParam("organizationId", area.orgId().toString()).get(REPORT).then().statusCode(404);
        schoolA.as().queryParam("organizationId", schoolB.orgId().toString()).get(REPORT).then().statusCode(404);
        Map<String, Long> expected = expect(s -> inPeriod(s, from, to) && s.status().equals("REGISTERED")
                && (s.org().equals(schoolA.orgId()) || s.org().equals(branchOfA.orgId())), s -> s.day().toString().substring(0, 4));
        assertThat(rows(schoolA.as().queryParam("groupBy", "year").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(REPORT).then().statusCode(200).extract().jsonPath())).isEqualTo(expected);
    }

    @Test
    void thaiLabelsUseBuddhistEraYearsAndThaiMonths() {
        JsonPath report = area.as().queryParam("groupBy", "month").queryParam("from", "2569-01-01")
                .queryParam("to", "2569-02-28").queryParam("lang", "th").get(REPORT).then().statusCode(200)
                .body("from", equalTo("2026-01-01")).extract().jsonPath();
        assertThat(report.getList("rows.key", String.class)).containsExactly("2026-01", "2026-02");
        assertThat(report.getList("rows.label", String.class)).containsExactly("ม.ค. 2569", "ก.พ. 2569");
        area.as().queryParam("groupBy", "day").queryParam("from", "2026-02-01").queryParam("to", "2026-02-01")
                .queryParam("lang", "th").get(REPORT).then().statusCode(200)
                .body("rows[0].label", equalTo("1 ก.พ. 2569"));
    }

    @Test
    void documentsRegisteredThroughTheApiAreCountedByTheirOwnEvents() {
        Tenant school = Api.school("นับจริง");
        Api.register(school, "one");
        Api.register(school, "two");
        String today = LocalDate.now(BANGKOK).toString();
        school.as().queryParam("groupBy", "importChannel").queryParam("from", today).queryParam("to", today)
                .get(REPORT).then().statusCode(200).body("rows.key", equalTo(List.of("API")))
                .body("rows[0].count", equalTo(2));
        school.as().queryParam("groupBy", "inputFormat").queryParam("from", today).queryParam("to", today)
                .get(REPORT).then().statusCode(200).body("rows.key", equalTo(List.of("PDF"))).body("total", equalTo(2));
    }

    @Test
    void theXlsxHasAHeaderRowFrozenPanesTypedCellsAndNoFormulas() throws Exception {
        byte[] xlsx = area.as().queryParam("groupBy", "organization").queryParam("from", "2025-01-01")
                .queryParam("to", "2026-12-31").queryParam("format", "xlsx").get(REPORT).then().statusCode(200)
                .contentType(io.longnam.render.TableInput.XLSX_TYPE).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("key");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("count");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Map<String, Double> counts = new HashMap<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    counts.put(row.getCell(1).getStringCellValue(), row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(counts).containsKey("=HYPERLINK(\"http://evil\")");
        }
        byte[] byDay = area.as().queryParam("groupBy", "day").queryParam("from", "2026-02-01").queryParam("to", "2026-02-01")
                .header("Accept", io.longnam.render.TableInput.XLSX_TYPE).get(REPORT).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(byDay))) {
            Cell day = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        }
    }

    @Test
    void thePdfCarriesThaiTitleTableAndChart() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        byte[] pdf = area.as().queryParam("groupBy", "month").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("lang", "th").queryParam("format", "pdf").get(REPORT).then().statusCode(200)
                .contentType(io.longnam.common.AnswerFormat.PDF_TYPE).extract().asByteArray();
        String text = PdfChecks.pdftotext(pdf);
        long total = expect(s -> inPeriod(s, from, to) && s.status().equals("REGISTERED"), s -> "all").get("all");
        assertThat(text).contains("รายงานจำนวนเอกสาร ตามเดือน", "ม.ค. 2568", "ธ.ค. 2568", "รวม " + total, "จำนวน");
    }

    @Test
    void csvExportHasAHeaderAndEveryRow() {
        String csv = area.as().queryParam("groupBy", "year").queryParam("from", "2025-01-01").queryParam("to", "2026-12-31")
                .header("Accept", "text/csv").get(REPORT).then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("\uFEFFkey,label,count\r\n2025,2025,");
    }

    @Test
    void badQuestionsAnswer400() {
        area.as().queryParam("groupBy", "weekday").get(REPORT).then().statusCode(400);
        area.as().queryParam("from", "2026-03-01").queryParam("to", "2026-02-01").get(REPORT).then().statusCode(400);
        area.as().queryParam("from", "2000-01-01").queryParam("to", "2026-02-01").get(REPORT).then().statusCode(400);
        area.as().queryParam("status", "SEALED,LOST").get(REPORT).then().statusCode(400);
        area.as().queryParam("format", "docx").get(REPORT).then().statusCode(400);
    }

    private boolean inPeriod(Seeded s, LocalDate from, LocalDate to) {
        return !s.day().isBefore(from) && !s.day().isAfter(to);
    }

    private Map<String, Long> expect(Predicate<Seeded> which, Function<Seeded, String> key) {
        return seeded.stream().filter(which).collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> rows(JsonPath report) {
        Map<String, Long> out = new TreeMap<>();
        List<Map<String, Object>> rows = report.getList("rows");
        rows.forEach(r -> out.put((String) r.get("key"), ((Number) r.get("count")).longValue()));
        return out;
    }
}
