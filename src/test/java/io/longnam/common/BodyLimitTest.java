package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.longnam.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body past the HTTP ceiling is refused before JAX-RS sees it; the refusal still reads like every other one. */
@QuarkusTest
@TestProfile(BodyLimitTest.SmallCeiling.class)
class BodyLimitTest {

    public static class SmallCeiling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1M");
        }
    }

    @Test
    void aBodyOverTheCeilingAnswersAProblem413() {
        // A byte body, so the client declares its Content-Length as browsers and SDKs do for uploads.
        byte[] head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n".getBytes();
        byte[] body = java.util.Arrays.copyOf(head, 2 * 1024 * 1024);
        Api.school("ceiling").as().contentType("multipart/form-data; boundary=b").body(body)
                .post("/api/v1/documents").then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("https://longnam.io/problems/payload-too-large"))
                .body("maxBytes", equalTo(1024 * 1024));
    }

    @Test
    void theCeilingHoldsWithoutAuthenticationToo() {
        given().contentType("application/json").body(new byte[1024 * 1024 + 1]).post("/api/v1/organizations").then()
                .statusCode(413).contentType(startsWith(Problem.MEDIA_TYPE));
    }
}
