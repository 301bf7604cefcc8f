package io.longnam.workflow;

import static io.longnam.workflow.SignatureSamples.alpha;
import static io.longnam.workflow.SignatureSamples.line;
import static io.longnam.workflow.SignatureSamples.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.common.ProblemException;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.longnam.support.People;
import io.longnam.support.People.Person;
import io.longnam.support.Sql;
import io.longnam.testoidc.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class SignatureImagesTest {

    static final String MINE = "/api/v1/me/signature-images";
    static final String PROBLEM = "application/problem+json";
    static final String PROBLEMS = "https://longnam.io/problems/";

    @Inject
    DataSource ds;
    @Inject
    SignatureImageService service;

    record Signer(Tenant school, Person person, UUID userId) {
        RequestSpecification as() {
            return person.as();
        }
    }

    static Signer signer(String school) {
        Tenant t = Api.school(school);
        Person p = People.person("ครูผู้ลงนาม");
        return new Signer(t, p, UUID.fromString(People.activated(t, p, "SIGNER")));
    }

    static Response draw(RequestSpecification as, String path, List<Map<String, Object>> strokes) {
        return as.contentType(ContentType.JSON).body(Map.of("strokes", strokes, "width", 800, "height", 400))
                .post(path + "/drawings");
    }

    static String drawn(Signer s) {
        return draw(s.as(), MINE, List.of(line(100, 200, 700, 200))).then().statusCode(201).extract().path("id");
    }

    static BufferedImage png(RequestSpecification as, String path, String id) {
        byte[] bytes = as.get(path + "/{id}/png", id).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        return SignatureSamples.read(bytes);
    }

    @Test
    void drawnStrokesBecomeATransparentPngWithInkWhereTheStrokesWere() {
        Signer s = signer("โรงเรียนวาดลายเซ็น");
        // A cross: the horizontal stroke crosses the vertical one in the middle of the ink.
        List<Map<String, Object>> strokes = List.of(line(100, 200, 700, 200), line(400, 50, 400, 350));
        Response created = draw(s.as(), MINE, strokes);
        created.then().statusCode(201).body("kind", equalTo("DRAWN")).body("isDefault", equalTo(true))
                .header("Location", endsWith(MINE + "/" + created.path("id")));
        BufferedImage img = png(s.as(), MINE, created.path("id"));

        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getWidth()).isEqualTo((int) created.path("widthPx"));
        assertThat(img.getHeight()).isEqualTo((int) created.path("heightPx"));
        int[] ink = inkBox(img);
        // Strokes' points (100..700 × 50..350) map linearly onto the ink's box, inset by the pen's half width.
        for (Map<String, Object> stroke : strokes) {
            for (Object o : (List<?>) stroke.get("points")) {
                Map<?, ?> p = (Map<?, ?>) o;
                int x = (int) Math.round(ink[0] + ((double) p.get("x") - 100) / 600 * (ink[2] - ink[0]));
                int y = (int) Math.round(ink[1] + ((double) p.get("y") - 50) / 300 * (ink[3] - ink[1]));
                assertThat(maxAlphaNear(img, x, y, 4)).as("ink at stroke point (%s, %s) → (%d, %d)", p.get("x"), p.get("y"), x, y)
                        .isEqualTo(255);
            }
        }
        int cx = (ink[0] + ink[2]) / 2, cy = (ink[1] + ink[3]) / 2;
        int crossing = img.getRGB(cx, cy);
        assertThat(crossing & 0xFF).as("blue ink").isGreaterThan((crossing >> 16) & 0xFF);
        // Between the arms of the cross and at the corners there is nothing.
        for (int[] empty : List.of(new int[] {(ink[0] + cx) / 2, (ink[1] + cy) / 2}, new int[] {(cx + ink[2]) / 2, (cy + ink[3]) / 2},
                new int[] {0, 0}, new int[] {img.getWidth() - 1, img.getHeight() - 1})) {
            assertThat(alpha(img, empty[0], empty[1])).as("transparent at (%d, %d)", empty[0], empty[1]).isZero();
        }
        // Trimmed to the ink: only the margin is left around it.
        assertThat(ink[0]).isBetween(4, 12);
        assertThat(img.getWidth() - 1 - ink[2]).isBetween(4, 12);
    }

    @Test
    void aJpegOnWhitePaperBecomesATransparentPngCroppedToTheInk() {
        Signer s = signer("โรงเรียนสแกนลายเซ็น");
        Response created = s.as().multiPart("file", "signature.jpg", SignatureSamples.jpegOnWhitePaper(), "image/jpeg").post(MINE);
        created.then().statusCode(201).body("kind", equalTo("UPLOADED")).body("isDefault", equalTo(true))
                .header("Location", endsWith(MINE + "/" + created.path("id")));
        BufferedImage img = png(s.as(), MINE, created.path("id"));

        assertThat(img.getColorModel().hasAlpha()).isTrue();
        // The ink spans about 200..700 × 120..290 of the 900 × 400 page; the page around it is gone.
        assertThat(img.getWidth()).isBetween(500, 540);
        assertThat(img.getHeight()).isBetween(120, 200);
        long transparent = 0, inkPixels = 0, red = 0, blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (p >>> 24 == 0) {
                    transparent++;
                } else if (p >>> 24 == 255) {
                    inkPixels++;
                    red += (p >> 16) & 0xFF;
                    blue += p & 0xFF;
                }
            }
        }
        assertThat(transparent).as("paper made transparent").isGreaterThan((long) img.getWidth() * img.getHeight() * 3 / 4);
        assertThat(inkPixels).isGreaterThan(2000);
        // The pen was (20, 40, 150); JPEG smears colour at the strokes' edges, so the average is what must stay blue.
        assertThat(blue / inkPixels).as("ink keeps its blue").isGreaterThan(red / inkPixels + 60);
        assertThat(alpha(img, 0, 0)).isZero();
        assertThat(alpha(img, img.getWidth() - 1, img.getHeight() - 1)).isZero();
    }

    @Test
    void unusableUploadsAreRefusedAndNothingIsStored() {
        Signer s = signer("โรงเรียนไฟล์เสีย");
        byte[] jpeg = SignatureSamples.jpegOnWhitePaper();
        refused(s.as().multiPart("file", "notes.txt", "not a picture".getBytes(), "text/plain").post(MINE),
                415, "unsupported-media-type");
        refused(s.as().multiPart("file", "cut.jpg", SignatureSamples.truncated(jpeg), "image/jpeg").post(MINE),
                422, "invalid-image");
        long started = System.nanoTime();
        refused(s.as().multiPart("file", "bomb.png", SignatureSamples.pngClaiming(50_000, 50_000), "image/png").post(MINE),
                422, "image-too-large");
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused from the header, without decoding").isLessThan(5000);
        refused(s.as().multiPart("file", "huge.jpg", new byte[6 * 1024 * 1024 + 1], "image/jpeg").post(MINE),
                413, "payload-too-large");
        BufferedImage blank = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        refused(s.as().multiPart("file", "blank.jpg", SignatureSamples.jpeg(blank, 0.9f), "image/jpeg").post(MINE),
                422, "no-ink");

        s.as().get(MINE).then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ?", s.userId())).isZero();
        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'signature-image.created' and actor = ?",
                "user:" + s.userId())).isZero();
    }

    @Test
    void strokesOutsideTheCanvasOrBeyondTheLimitsAreRefusedNamingTheField() {
        Signer s = signer("โรงเรียนเส้นเกิน");
        List<Map<String, Object>> outside = List.of(Map.of("points", List.of(point(10, 10, 0.5, 0), point(900, 10, 0.5, 16))));
        refused(draw(s.as(), MINE, outside), 400, "validation").body("errors[0].field", equalTo("strokes[0].points[1].x"));
        List<Map<String, Object>> pressed = List.of(Map.of("points", List.of(point(10, 10, 1.5, 0))));
        refused(draw(s.as(), MINE, pressed), 400, "validation").body("errors[0].field", equalTo("strokes[0].points[0].pressure"));
        refused(draw(s.as(), MINE, Collections.nCopies(201, line(10, 10, 20, 20))), 400, "validation")
                .body("errors[0].field", equalTo("strokes"));
        refused(s.as().contentType(ContentType.JSON).body("{\"strokes\": [{\"points\": [{\"x\": 1e400, \"y\": 1}]}]}")
                .post(MINE + "/drawings"), 400, "validation").body("errors[0].field", equalTo("strokes[0].points[0].x"));
        refused(s.as().contentType(ContentType.JSON).body(Map.of("strokes", List.of(Map.of("points", List.of()))))
                .post(MINE + "/drawings"), 400, "validation");
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ?", s.userId())).isZero();
    }

    @Test
    void theFirstImageIsTheDefaultAndSwitchingKeepsExactlyOne() {
        Signer s = signer("โรงเรียนค่าเริ่มต้น");
        String first = drawn(s);
        String second = drawn(s);
        s.as().get(MINE + "/{id}", second).then().statusCode(200).body("isDefault", equalTo(false));

        s.as().contentType(ContentType.JSON).body(Map.of("default", true)).patch(MINE + "/{id}", second)
                .then().statusCode(200).body("isDefault", equalTo(true));
        s.as().get(MINE + "/{id}", first).then().statusCode(200).body("isDefault", equalTo(false));
        s.as().get(MINE).then().statusCode(200).body("items.findAll { it.isDefault }.id", equalTo(List.of(second)));
        refused(s.as().contentType(ContentType.JSON).body(Map.of("default", false)).patch(MINE + "/{id}", second),
                400, "validation");
        assertThat(service.resolve(s.userId(), null).id()).isEqualTo(UUID.fromString(second));
        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'signature-image.default-changed'"
                + " and target_id = ? and actor = ? and details like ?", second, "user:" + s.userId(), "%" + s.userId() + "%"))
                .isEqualTo(1);
    }

    @Test
    void deletingTheDefaultMakesTheNewestRemainingImageTheDefault() {
        Signer s = signer("โรงเรียนลบลายเซ็น");
        String oldest = drawn(s);
        String middle = drawn(s);
        String newest = drawn(s);

        s.as().delete(MINE + "/{id}", oldest).then().statusCode(204);
        s.as().get(MINE + "/{id}", newest).then().statusCode(200).body("isDefault", equalTo(true));
        s.as().get(MINE + "/{id}", middle).then().statusCode(200).body("isDefault", equalTo(false));
        refused(s.as().get(MINE + "/{id}", oldest), 404, "not-found");
        refused(s.as().get(MINE + "/{id}/png", oldest), 404, "not-found");
        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'signature-image.deleted' and target_id = ?",
                oldest)).isEqualTo(1);

        s.as().delete(MINE + "/{id}", middle).then().statusCode(204);
        s.as().delete(MINE + "/{id}", newest).then().statusCode(204);
        s.as().get(MINE).then().statusCode(200).body("items.size()", equalTo(0));
        assertThatThrownBy(() -> service.resolve(s.userId(), null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.slug()).isEqualTo("no-signature-image"));
    }

    @Test
    void concurrentDefaultSwitchesLeaveExactlyOneDefault() throws Exception {
        Signer s = signer("โรงเรียนสลับพร้อมกัน");
        List<String> ids = List.of(drawn(s), drawn(s), drawn(s));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = ids.get(i % 3);
                answers.add(pool.submit(() -> s.as().contentType(ContentType.JSON).body(Map.of("default", true))
                        .patch(MINE + "/{id}", id).statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ? and is_default", s.userId()))
                .isEqualTo(1);
    }

    @Test
    void anAdministratorManagesAMembersImagesAndAnotherTenantsAdministratorGetsNotFound() {
        Signer s = signer("โรงเรียนผู้ดูแล");
        String theirs = "/api/v1/users/" + s.userId() + "/signature-images";
        Response created = draw(s.school().as(), theirs, List.of(line(100, 100, 600, 300)));
        created.then().statusCode(201).body("userId", equalTo(s.userId().toString())).body("isDefault", equalTo(true))
                .header("Location", endsWith(theirs + "/" + created.path("id")));
        String id = created.path("id");
        s.as().get(MINE).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        String uploaded = s.school().as().multiPart("file", "s.jpg", SignatureSamples.jpegOnWhitePaper(), "image/jpeg")
                .post(theirs).then().statusCode(201).extract().path("id");
        s.school().as().contentType(ContentType.JSON).body(Map.of("default", true)).patch(theirs + "/{id}", uploaded)
                .then().statusCode(200).body("isDefault", equalTo(true));
        assertThat(png(s.school().as(), theirs, uploaded).getColorModel().hasAlpha()).isTrue();

        Tenant other = Api.school("โรงเรียนอื่น");
        refused(other.as().get(theirs), 404, "not-found");
        refused(other.as().get(theirs + "/{id}", id), 404, "not-found");
        refused(other.as().get(theirs + "/{id}/png", id), 404, "not-found");
        refused(draw(other.as(), theirs, List.of(line(1, 1, 50, 50))), 404, "not-found");
        refused(other.as().multiPart("file", "s.jpg", SignatureSamples.jpegOnWhitePaper(), "image/jpeg").post(theirs),
                404, "not-found");
        refused(other.as().contentType(ContentType.JSON).body(Map.of("default", true)).patch(theirs + "/{id}", id),
                404, "not-found");
        refused(other.as().delete(theirs + "/{id}", id), 404, "not-found");
        // An image id of somebody else, under a user the administrator does reach, is just as unknown.
        Signer stranger = signer("โรงเรียนคนแปลกหน้า");
        refused(s.school().as().get(theirs + "/{id}", drawn(stranger)), 404, "not-found");

        s.school().as().delete(theirs + "/{id}", uploaded).then().statusCode(204);
        s.as().get(MINE + "/{id}", id).then().statusCode(200).body("isDefault", equalTo(true));
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ?", s.userId())).isEqualTo(1);
        assertThat(Sql.count(ds, "select count(*) from audit_event where action = 'signature-image.created' and target_id = ?"
                + " and actor like 'apikey:%' and details like ?", id, "%" + s.userId() + "%")).isEqualTo(1);
    }

    @Test
    void aPendingUserCannotAddImages() {
        Person pending = People.person("ผู้รออนุมัติ");
        String userId = pending.userId();
        refused(draw(pending.as(), MINE, List.of(line(100, 100, 600, 300))), 403, "account-pending");
        refused(pending.as().multiPart("file", "s.jpg", SignatureSamples.jpegOnWhitePaper(), "image/jpeg").post(MINE),
                403, "account-pending");
        // Even the platform, which sees users who belong nowhere yet, cannot give them one.
        refused(draw(Api.platform(), "/api/v1/users/" + userId + "/signature-images", List.of(line(100, 100, 600, 300))),
                409, "user-not-active");
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ?", UUID.fromString(userId))).isZero();
    }

    @Test
    void anApiKeyIsNoPersonAndHasNoSignatureImagesOfItsOwn() {
        Tenant signers = Api.school("โรงเรียนกุญแจ").withRoles("SIGNER");
        refused(signers.as().get(MINE), 403, "not-a-person");
        refused(draw(signers.as(), MINE, List.of(line(100, 100, 600, 300))), 403, "not-a-person");
    }

    @Test
    void resolveGivesTheDefaultOrTheNamedImageAndNeverAnotherPersonsImage() {
        Signer s = signer("โรงเรียนเลือกภาพ");
        assertThatThrownBy(() -> service.resolve(s.userId(), null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(422));
        String first = drawn(s);
        String second = drawn(s);
        SignatureImagePng byDefault = service.resolve(s.userId(), null);
        assertThat(byDefault.id()).isEqualTo(UUID.fromString(first));
        assertThat(SignatureSamples.read(byDefault.png()).getWidth()).isEqualTo(byDefault.widthPx());
        assertThat(service.resolve(s.userId(), UUID.fromString(second)).id()).isEqualTo(UUID.fromString(second));

        Signer other = signer("โรงเรียนเลือกภาพอื่น");
        assertThatThrownBy(() -> service.resolve(other.userId(), UUID.fromString(first)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deletingAUserErasesTheirSignatureImages() {
        Signer s = signer("โรงเรียนลบผู้ใช้");
        drawn(s);
        s.school().as().delete("/api/v1/users/{id}", s.userId()).then().statusCode(204);
        assertThat(Sql.count(ds, "select count(*) from signature_image where user_id = ?", s.userId())).isZero();
    }

    private static io.restassured.response.ValidatableResponse refused(Response r, int status, String slug) {
        return r.then().statusCode(status).contentType(startsWith(PROBLEM)).body("type", equalTo(PROBLEMS + slug));
    }

    /** {minX, minY, maxX, maxY} of the pixels that carry any ink. */
    private static int[] inkBox(BufferedImage img) {
        int minX = img.getWidth(), minY = img.getHeight(), maxX = -1, maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (alpha(img, x, y) >= 128) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("some ink").isNotNegative();
        return new int[] {minX, minY, maxX, maxY};
    }

    private static int maxAlphaNear(BufferedImage img, int x, int y, int radius) {
        int max = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int px = x + dx, py = y + dy;
                if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()) {
                    max = Math.max(max, alpha(img, px, py));
                }
            }
        }
        return max;
    }
}
