package io.longnam.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With no identity provider configured (the default), a JWT is simply not a credential: 401, never a 500. */
@QuarkusTest
class TokensWithoutOidcTest {

    @Test
    void aJwtIsRefusedLikeAnyUnknownCredential() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        given().header("Authorization", "Bearer " + jwt).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Unauthorized"));
        given().header("Authorization", "Bearer " + jwt).get("/api/v1/documents").then().statusCode(401);
        given().header("Authorization", "Bearer ln_unknown_key").get("/api/v1/me").then().statusCode(401);
    }
}
