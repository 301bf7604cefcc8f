package io.longnam.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentPagesTest {

    static final String PAGES = "/api/v1/content/pages";

    static String slug(String base) {
        return base + "-" + System.nanoTime();
    }

    static Map<String, Object> page(String slug, String bodyTh) {
        return Map.of("slug", slug, "titleTh", "เงื่อนไขการใช้บริการ", "titleEn", "Terms of service", "bodyTh", bodyTh,
                "bodyEn", "<p>Use it <strong>well</strong>.</p>");
    }

    @Test
    void draftsAreInvisibleToThePublicUntilPublished() {
        String slug = slug("terms");
        String id = Api.platform().contentType(ContentType.JSON).body(page(slug, "<p>ฉบับร่าง</p>")).post(PAGES)
                .then().statusCode(201).body("hasDraft", equalTo(true)).extract().path("id");
        given().get("/api/v1/pages/{s}", slug).then().statusCode(404);
        given().get("/pages/{s}", slug).then().statusCode(404);

        Api.platform().post(PAGES + "/{id}/publication", id).then().statusCode(200).body("publishedVersion", equalTo(1));
        given().get("/api/v1/pages/{s}", slug).then().statusCode(200).body("title", equalTo("เงื่อนไขการใช้บริการ"))
                .body("body", equalTo("<p>ฉบับร่าง</p>")).body("lang", equalTo("th"));
        given().queryParam("lang", "en").get("/api/v1/pages/{s}", slug).then().statusCode(200)
                .body("title", equalTo("Terms of service"));

        Api.platform().contentType(ContentType.JSON).body(Map.of("titleTh", "เงื่อนไขใหม่", "titleEn", "New terms",
                "bodyTh", "<p>ร่างที่สอง</p>", "bodyEn", "<p>second</p>")).put(PAGES + "/{id}", id)
                .then().statusCode(200).body("latestVersion", equalTo(2)).body("hasDraft", equalTo(true));
        given().get("/api/v1/pages/{s}", slug).then().statusCode(200).body("body", equalTo("<p>ฉบับร่าง</p>"))
                .body("version", equalTo(1));
        Api.platform().get(PAGES + "/{id}/versions", id).then().statusCode(200).body("version", equalTo(java.util.List.of(2, 1)))
                .body("published", equalTo(java.util.List.of(false, true)));

        Api.platform().contentType(ContentType.JSON).body(Map.of("version", 2)).post(PAGES + "/{id}/publication", id)
                .then().statusCode(200).body("hasDraft", equalTo(false));
        given().get("/api/v1/pages/{s}", slug).then().statusCode(200).body("body", equalTo("<p>ร่างที่สอง</p>"));

        Api.platform().delete(PAGES + "/{id}/publication", id).then().statusCode(200);
        given().get("/api/v1/pages/{s}", slug).then().statusCode(404);
    }

    @Test
    void scriptsAndEventHandlersNeverReachTheHtml() {
        String slug = slug("contact");
        String hostile = "<p onclick=\"steal()\">ติดต่อ <a href=\"javascript:alert(1)\">ที่นี่</a>"
                + " <a href=\"https://example.go.th/\" onmouseover=\"x()\">เว็บไซต์</a></p><script>alert('x')</script>"
                + "<img src=\"x\" onerror=\"alert(2)\"><svg onload=\"alert(3)\"></svg><iframe src=\"https://evil\"></iframe>"
                + "<style>body{display:none}</style>";
        String id = Api.platform().contentType(ContentType.JSON).body(page(slug, hostile)).post(PAGES).then().statusCode(201)
                .extract().path("id");
        Api.platform().post(PAGES + "/{id}/publication", id).then().statusCode(200);
        String html = given().get("/pages/{s}", slug).then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'"))
                .extract().asString();
        assertThat(html.toLowerCase()).doesNotContain("<script", "onclick", "onerror", "onload", "onmouseover",
                "javascript:", "<iframe", "<svg", "display:none");
        assertThat(html).contains("<h1>เงื่อนไขการใช้บริการ</h1>", "ติดต่อ", "href=\"https://example.go.th/\"", "เว็บไซต์");
    }

    @Test
    void titlesAreEscapedInTheHtml() {
        String slug = slug("escaped");
        Map<String, Object> body = new java.util.HashMap<>(page(slug, "<p>x</p>"));
        body.put("titleTh", "<script>alert(1)</script>หัวข้อ");
        String id = Api.platform().contentType(ContentType.JSON).body(body).post(PAGES).then().statusCode(201)
                .extract().path("id");
        Api.platform().post(PAGES + "/{id}/publication", id).then().statusCode(200);
        assertThat(given().get("/pages/{s}", slug).then().statusCode(200).extract().asString())
                .doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;หัวข้อ");
    }

    @Test
    void onlyPlatformAdministratorsManagePages() {
        Api.school("ไม่ใช่แพลตฟอร์ม").as().contentType(ContentType.JSON).body(page(slug("x"), "<p>x</p>")).post(PAGES)
                .then().statusCode(403);
        String slug = slug("dup");
        Api.platform().contentType(ContentType.JSON).body(page(slug, "<p>x</p>")).post(PAGES).then().statusCode(201);
        Api.platform().contentType(ContentType.JSON).body(page(slug, "<p>x</p>")).post(PAGES).then().statusCode(409);
        Api.platform().contentType(ContentType.JSON).body(page("Not A Slug", "<p>x</p>")).post(PAGES).then().statusCode(400);
    }
}
