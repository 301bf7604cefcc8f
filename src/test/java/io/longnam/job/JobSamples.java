package io.longnam.job;

import io.longnam.support.Api.Tenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic ปพ.1/ปพ.2 records with valid national ids, and polling of a job until it settles. */
final class JobSamples {

    private static final String[] GIVEN = {"ใจดี", "สมชาย", "มานี", "ปิติ", "ชูใจ", "วีระ", "สุดา", "อนุชา", "กนกพร", "ธนากร"};
    private static final String[] FAMILY = {"มีสุข", "ใฝ่เรียน", "รักไทย", "ศรีสวัสดิ์", "บุญมา", "แก้วกาญจนา", "ทองดี"};
    private static final String[][] SUBJECTS = {
            {"ท", "ภาษาไทย"}, {"ค", "คณิตศาสตร์"}, {"ว", "วิทยาศาสตร์และเทคโนโลยี"}, {"ส", "สังคมศึกษา ศาสนาและวัฒนธรรม"},
            {"พ", "สุขศึกษาและพลศึกษา"}, {"ศ", "ศิลปะ"}, {"ง", "การงานอาชีพ"}, {"อ", "ภาษาอังกฤษ"}};

    private JobSamples() {
    }

    /** A Thai national id: 12 digits derived from {@code n} and the mod-11 check digit. */
    static String nationalId(int n) {
        String base = String.format("11017%07d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * (13 - i);
        }
        return base + (11 - sum % 11) % 10;
    }

    static Map<String, Object> pp1(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formSet", "0012");
        m.put("formNumber", String.format("%07d", n));
        m.put("level", "มัธยมศึกษาตอนต้น");
        m.put("schoolName", "โรงเรียนบ้านใหญ่วิทยาคม");
        m.put("province", "เชียงใหม่");
        m.put("studentName", (n % 2 == 0 ? "เด็กหญิง" : "เด็กชาย") + GIVEN[n % GIVEN.length] + " " + FAMILY[n % FAMILY.length]);
        m.put("studentId", "S" + n);
        m.put("nationalId", nationalId(n));
        m.put("birthDate", "2011-02-14");
        m.put("courses", courses(n, 30));
        m.put("gpax", 3.47);
        m.put("registrarName", "นางสาวพิมพ์ใจ ใฝ่เรียน");
        m.put("directorName", "นายผู้ใหญ่ บ้านใหญ่");
        m.put("issueDate", "2026-03-31");
        return m;
    }

    static List<Map<String, Object>> courses(int n, int count) {
        String[] grades = {"4", "3.5", "3", "4", "2.5", "4", "3.5", "3"};
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int year = i / 16;
            int sem = i / 8 % 2 + 1;
            String[] s = SUBJECTS[i % SUBJECTS.length];
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("year", String.valueOf(2566 + year));
            c.put("semester", String.valueOf(sem));
            c.put("code", s[0] + (21 + year) + "10" + sem);
            c.put("name", s[1]);
            c.put("credits", i % 8 < 2 ? 1.5 : 1.0);
            c.put("grade", grades[(i + n) % grades.length]);
            list.add(c);
        }
        return list;
    }

    static Map<String, Object> pp2(int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("certificateNumber", String.format("%07d", n));
        m.put("schoolName", "โรงเรียนบ้านใหญ่วิทยาคม");
        m.put("level", "มัธยมศึกษาปีที่ 3");
        m.put("studentName", "เด็กหญิง" + GIVEN[n % GIVEN.length] + " " + FAMILY[n % FAMILY.length]);
        m.put("studentId", "S" + n);
        m.put("nationalId", nationalId(n));
        m.put("birthDate", "2011-02-14");
        m.put("directorName", "นายผู้ใหญ่ บ้านใหญ่");
        return m;
    }

    static List<Map<String, Object>> pp1s(int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(pp1(i));
        }
        return list;
    }

    static List<Map<String, Object>> pp2s(int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(pp2(i));
        }
        return list;
    }

    static UUID submit(Tenant t, Map<String, Object> body) {
        return UUID.fromString(t.as().contentType(ContentType.JSON).body(body).post("/api/v1/jobs")
                .then().statusCode(202).extract().path("id"));
    }

    /** Polls the job until it is no longer QUEUED or RUNNING. */
    static JsonPath awaitSettled(Tenant t, UUID job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath p = t.as().get("/api/v1/jobs/{id}", job).then().statusCode(200).extract().jsonPath();
            String status = p.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return p;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + job + " did not settle in time");
    }

    static List<Map<String, Object>> items(Tenant t, UUID job, String status) {
        var r = t.as();
        if (status != null) {
            r = r.queryParam("status", status);
        }
        return r.queryParam("limit", 200).get("/api/v1/jobs/{id}/items", job).then().statusCode(200).extract().path("items");
    }
}
