package io.longnam.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Drives the API the way an integrator does: organisations and keys are created through it, never in SQL. */
public final class Api {

    public static final String PLATFORM_KEY = "ln_testboot_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    private static final AtomicInteger SEQ = new AtomicInteger();

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A fresh organisation with a key holding the given roles. */
    public record Tenant(UUID orgId, String key) {
        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + key);
        }

        public Tenant child(String name) {
            return Api.tenant(name, orgId, key, "ORG_ADMIN");
        }

        public Tenant withRoles(String... roles) {
            return new Tenant(orgId, Api.key(orgId, key, roles));
        }
    }

    public static RequestSpecification platform() {
        return given().header("Authorization", "Bearer " + PLATFORM_KEY);
    }

    public static Tenant school(String name) {
        return tenant(name, null, PLATFORM_KEY, "ORG_ADMIN");
    }

    static Tenant tenant(String name, UUID parent, String creatorKey, String... roles) {
        String code = "t" + System.nanoTime() + "-" + SEQ.incrementAndGet();
        Map<String, Object> body = parent == null ? Map.of("name", name, "code", code)
                : Map.of("name", name, "code", code, "parentId", parent.toString());
        UUID org = UUID.fromString(given().header("Authorization", "Bearer " + creatorKey)
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id"));
        return new Tenant(org, key(org, creatorKey, roles));
    }

    static String key(UUID org, String creatorKey, String... roles) {
        return given().header("Authorization", "Bearer " + creatorKey).contentType(ContentType.JSON)
                .body(Map.of("name", "test key", "roles", List.of(roles)))
                .post("/api/v1/organizations/{org}/api-keys", org).then().statusCode(201).extract().path("key");
    }

    public static Response upload(Tenant t, byte[] pdf, String metadataJson) {
        RequestSpecification r = t.as().multiPart("file", "doc.pdf", pdf, "application/pdf");
        if (metadataJson != null) {
            r = r.multiPart("metadata", metadataJson, "application/json");
        }
        return r.post("/api/v1/documents");
    }

    public static UUID register(Tenant t, String text) {
        return UUID.fromString(upload(t, TestPdfs.onePage(text), null).then().statusCode(201).extract().path("id"));
    }
}
