package io.longnam.support;

import static io.restassured.RestAssured.given;

import io.longnam.support.Api.Tenant;
import io.longnam.testoidc.Jwts;
import io.longnam.testoidc.Keycloak;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * People for tests that need users (signers, creators, admins) without a password login each: tokens signed with
 * the test realm's key exactly as Keycloak signs them. Needs {@code KeycloakTestResource} on the test class.
 */
public final class People {

    private People() {
    }

    /** A person with their own login, a name and an e-mail address; ask {@link #activated} to make them a member. */
    public record Person(String token, String name, String email) {
        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + token);
        }

        public String userId() {
            return as().get("/api/v1/me").then().statusCode(200).extract().path("userId");
        }
    }

    public static Person person(String name) {
        return person(name, null);
    }

    /** A person whose token also carries a national id (the {@code citizen_id} claim), as Thai providers send it. */
    public static Person person(String name, String nationalId) {
        String sub = "person-" + UUID.randomUUID();
        String email = sub + "@school.example";
        Keycloak kc = Keycloak.shared();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", kc.realmUrl());
        claims.put("sub", sub);
        claims.put("aud", "longnam");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("name", name);
        claims.put("email", email);
        if (nationalId != null) {
            claims.put("citizen_id", nationalId);
        }
        String token = Jwts.rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", kc.realmKid()), claims, kc.realmKey());
        return new Person(token, name, email);
    }

    /** Makes the person an active member of the tenant's organisation with the given roles; answers the user id. */
    public static String activated(Tenant tenant, Person person, String... roles) {
        String id = person.userId();
        tenant.as().contentType(ContentType.JSON).body(Map.of("userId", id, "roles", Arrays.asList(roles)))
                .post("/api/v1/organizations/{org}/members", tenant.orgId()).then().statusCode(201);
        return id;
    }
}
