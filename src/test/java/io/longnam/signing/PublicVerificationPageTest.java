package io.longnam.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.longnam.render.Renderer;
import io.longnam.render.ThaiText;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.SoftwareSealKey;
import io.longnam.testpki.TestPki;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicVerificationPageTest {

    static final String TITLE = "ปพ.2 ของเด็กหญิงใจดี มีสุข";
    static final String OWNER = "student-98765";
    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = new TestPki();
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    /** A sealed ปพ.2 rendered through the API, with personal data in its title and owner. */
    static Map<String, Object> sealedPp2(Tenant school) {
        SoftwareSealKey.enrol(school, pki);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificateNumber", "0045678");
        data.put("schoolName", "โรงเรียนบ้านใหญ่วิทยาคม");
        data.put("level", "มัธยมศึกษาปีที่ 3");
        data.put("studentName", "เด็กหญิงใจดี มีสุข");
        data.put("studentId", "12345");
        data.put("nationalId", "1101700203450");
        data.put("birthDate", "2011-02-14");
        data.put("directorName", "นายผู้ใหญ่ บ้านใหญ่");
        return school.as().contentType(ContentType.JSON)
                .body(Map.of("templateId", "PP2", "data", data, "seal", true, "title", TITLE, "ownerRef", OWNER))
                .post("/api/v1/renders").then().statusCode(201).extract().as(Map.class);
    }

    static String page(String path) {
        return given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", "no-referrer").extract().asString();
    }

    @Test
    void anyoneSeesIssuerTypeDateSignatureAndFingerprintButNothingPersonal() {
        Tenant school = Api.school("โรงเรียนบ้านใหญ่วิทยาคม");
        Map<String, Object> doc = sealedPp2(school);
        String sha = (String) doc.get("sha256");
        String html = page("/v/" + doc.get("id"));
        LocalDate today = LocalDate.now(Renderer.THAILAND);
        assertThat(html).contains("<meta name=\"viewport\"", "โรงเรียนบ้านใหญ่วิทยาคม", "ปพ.2 ประกาศนียบัตร", "Certificate (ปพ.2)",
                ThaiText.formatDate(today), today.toString(), "ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง", "Signature valid",
                "ประทับตราอิเล็กทรอนิกส์แล้ว", "Sealed", "โรงเรียนทดสอบตราประทับ", sha.substring(0, 4) + " " + sha.substring(4, 8));
        assertThat(html).doesNotContain(TITLE, OWNER, "เด็กหญิงใจดี", "/d/", "<script", "http://", "https://");
    }

    @Test
    void aLiveLinkTokenAddsTitleAndDownloadWithoutSpendingTheDownload() {
        Tenant school = Api.school("โรงเรียนลิงก์");
        Map<String, Object> doc = sealedPp2(school);
        String id = (String) doc.get("id");
        String token = school.as().contentType(ContentType.JSON).body(Map.of("maxDownloads", 1))
                .post("/api/v1/documents/{id}/links", id).then().statusCode(201).extract().path("token");
        for (int i = 0; i < 3; i++) {
            assertThat(page("/v/" + id + "?t=" + token)).contains(TITLE, "href=\"/d/" + token + "\"", "ดาวน์โหลด").doesNotContain(OWNER);
        }
        String other = (String) sealedPp2(Api.school("โรงเรียนอื่น")).get("id");
        assertThat(page("/v/" + other + "?t=" + token)).doesNotContain(TITLE, "/d/");
        assertThat(page("/v/" + id + "?t=" + "x".repeat(43))).doesNotContain(TITLE, "/d/");
        given().get("/d/{token}", token).then().statusCode(200).contentType("application/pdf");
        assertThat(page("/v/" + id + "?t=" + token)).as("a spent link no longer unlocks the page").doesNotContain(TITLE, "/d/");
    }

    @Test
    void unsignedAndDeletedDocumentsSayWhatTheyAre() {
        Tenant school = Api.school("โรงเรียนยังไม่ลงนาม");
        UUID plain = Api.register(school, "unsigned");
        assertThat(page("/v/" + plain)).contains("เอกสารนี้ยังไม่มีลายมือชื่ออิเล็กทรอนิกส์", "This document is not signed", "Other document");
        school.as().delete("/api/v1/documents/{id}", plain).then().statusCode(200);
        assertThat(page("/v/" + plain)).contains("ถูกลบ", "Deleted", "ตรวจสอบไม่ได้ เนื่องจากไฟล์ถูกลบแล้ว");
    }

    @Test
    void unknownDocumentsAnswerAn404Page() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            given().get("/v/" + id).then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("ไม่พบเอกสารนี้ในระบบ"));
        }
    }

    @Test
    void headlessChromiumShowsThePageOnAPhoneScreen() throws Exception {
        Tenant school = Api.school("โรงเรียนบ้านใหญ่วิทยาคม");
        String id = (String) sealedPp2(school).get("id");
        String url = "http://localhost:" + RestAssured.port + "/v/" + id;
        Path out = Path.of("target/verify-page.png").toAbsolutePath();
        Files.deleteIfExists(out);
        Path profile = Files.createTempDirectory("chromium");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=412,915"));
        String dom = run(withLast(command, "--dump-dom", url));
        assertThat(dom).contains("ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง", "โรงเรียนบ้านใหญ่วิทยาคม");
        run(withLast(command, "--screenshot=" + out, url));
        BufferedImage shot = ImageIO.read(out.toFile());
        assertThat(shot.getWidth()).isEqualTo(412);
        assertThat(shot.getHeight()).isEqualTo(915);
        // The header band is dark blue and the "valid" badge green: the page rendered with its styles.
        assertThat(shot.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x173a63);
        boolean green = false;
        for (int y = 80; y < 250 && !green; y++) {
            for (int x = 0; x < 120 && !green; x++) {
                green = (shot.getRGB(x, y) & 0xFFFFFF) == 0x1e7b3a;
            }
        }
        assertThat(green).as("green 'valid' badge near the top").isTrue();
    }

    private static List<String> withLast(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
