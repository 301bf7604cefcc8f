package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.longnam.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdTest {

    @Test
    void aSafeClientIdIsEchoedInTheHeaderAndTheProblem() {
        given().header("X-Request-Id", "client-42.a_b").get("/api/v1/documents").then().statusCode(401)
                .header("X-Request-Id", "client-42.a_b").body("requestId", equalTo("client-42.a_b"));
    }

    @Test
    void anUnsafeOrMissingIdIsReplacedByAGeneratedOne() {
        String generated = Api.platform().header("X-Request-Id", "evil\tid<script>").get("/api/v1/documents")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(UUID.fromString(generated)).isNotNull();
        String tooLong = "a".repeat(65);
        assertThat(given().header("X-Request-Id", tooLong).get("/api/v1/documents").header("X-Request-Id"))
                .isNotEqualTo(tooLong);
        String missing = Api.platform().get("/api/v1/documents/{id}", UUID.randomUUID())
                .then().statusCode(404).extract().header("X-Request-Id");
        assertThat(UUID.fromString(missing)).isNotNull();
    }

    @Test
    void everyProblemQuotesTheRequestId() {
        String id = Api.platform().queryParam("limit", "0").get("/api/v1/documents").then().statusCode(400)
                .extract().header("X-Request-Id");
        Api.platform().header("X-Request-Id", id).queryParam("limit", "0").get("/api/v1/documents").then()
                .statusCode(400).body("requestId", equalTo(id));
    }
}
