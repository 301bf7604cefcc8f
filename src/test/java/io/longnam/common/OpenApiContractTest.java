package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract is what SDKs are generated from, so it must be what the service serves. After an
 * intended API change, refresh it with {@code scripts/test -Dopenapi.write=true -Dtest=OpenApiContractTest}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void servedContractMatchesTheCommittedOne() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi/openapi.yaml is committed").exists();
        assertThat(served).as("served /q/openapi differs from openapi/openapi.yaml; refresh it if the change is intended")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void healthAndConsoleAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body(org.hamcrest.Matchers.containsString("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/console/").then().statusCode(200);
    }

    @Test
    void metricsAreForPlatformAdministratorsOnly() {
        given().get("/q/metrics").then().statusCode(401);
        io.longnam.support.Api.school("metrics").as().get("/q/metrics").then().statusCode(403);
        io.longnam.support.Api.platform().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_"));
    }
}
