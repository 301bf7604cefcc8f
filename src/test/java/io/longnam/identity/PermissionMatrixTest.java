package io.longnam.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.support.Api;
import io.longnam.support.Api.Tenant;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served contract, called by a key holding one built-in role: refused (403) exactly when the
 * permission the resource method declares is not among the role's. The matrix it prints is the readable statement
 * of who may do what.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final List<Role> ROLES = List.of(Role.AUDITOR, Role.REGISTRAR, Role.SIGNER, Role.ORG_ADMIN,
            Role.PLATFORM_ADMIN, Role.STUDENT);
    static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    static final java.nio.file.Path MATRIX = java.nio.file.Path.of("target", "permission-matrix.md");

    enum Access { PERMISSIONS, ANY_CALLER, PUBLIC, UNDECLARED }

    /** What a resource method asks for: all of {@code requirements}, each met by its permissions (all or any). */
    record Declared(String where, Access access, List<PermissionsAllowed> requirements) {

        boolean allows(Set<Permission> held) {
            return requirements.stream().allMatch(p -> {
                Stream<Permission> needed = Arrays.stream(p.value()).map(v -> Permission.of(v).orElseThrow());
                return p.inclusive() ? needed.allMatch(held::contains) : needed.anyMatch(held::contains);
            });
        }

        String label() {
            if (access != Access.PERMISSIONS) {
                return "*" + access.name().toLowerCase().replace('_', ' ') + "*";
            }
            return requirements.stream().map(p -> String.join(p.inclusive() ? " + " : " or ", p.value()))
                    .map(s -> "`" + s + "`").collect(Collectors.joining(" + "));
        }
    }

    @Test
    void everyResourceMethodDeclaresAKnownPermissionOrIsExplicitlyPublic() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<Declared>> all = resourceMethods();
        assertThat(all).as("resource methods found under " + CLASSES).hasSizeGreaterThan(30);
        all.values().stream().flatMap(List::stream).forEach(d -> {
            if (d.access() == Access.UNDECLARED) {
                problems.add(d.where() + " declares no permission and is not @PermitAll or @Authenticated");
            }
            d.requirements().stream().flatMap(p -> Arrays.stream(p.value())).filter(v -> Permission.of(v).isEmpty())
                    .forEach(v -> problems.add(d.where() + " declares unknown permission " + v));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void eachRoleIsRefusedExactlyWhatItsPermissionsDoNotCover() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, List<Declared>> declared = resourceMethods();
        Tenant tenant = Api.school("matrix");
        Map<String, String> ids = Map.of("/organizations/{}", tenant.orgId().toString(),
                "/documents/{}", Api.register(tenant, "matrix").toString());
        Map<Role, String> keys = new LinkedHashMap<>();
        for (Role role : ROLES) {
            // Issued by the platform: an organisation's own administrator may not grant PLATFORM_ADMIN.
            keys.put(role, Api.platform().contentType(ContentType.JSON)
                    .body(Map.of("name", "matrix " + role, "roles", List.of(role.name())))
                    .post("/api/v1/organizations/{o}/api-keys", tenant.orgId()).then().statusCode(201).extract().path("key"));
        }

        List<String> failures = new ArrayList<>();
        Map<String, String> rows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String endpoint = method + " " + path.getKey();
                List<Declared> candidates = declared.getOrDefault(key(method, path.getKey()), List.of());
                if (candidates.isEmpty() || candidates.stream().map(Declared::label).distinct().count() > 1) {
                    failures.add(endpoint + ": no single declaration among resource methods " + candidates);
                    continue;
                }
                Declared d = candidates.getFirst();
                String url = fill(path.getKey(), ids);
                JsonNode content = op.getValue().path("requestBody").path("content");
                StringBuilder row = new StringBuilder("| `" + endpoint + "` | " + d.label() + " |");
                for (Role role : ROLES) {
                    boolean allowed = d.allows(role.permissions());
                    Response r = body(given().header("Authorization", "Bearer " + keys.get(role)), content)
                            .request(method, url);
                    // Operations on one's own things refuse keys for not being a person, after the permission check.
                    boolean refused = r.statusCode() == 403
                            && !r.asString().contains("/problems/" + CurrentCaller.NOT_A_PERSON + "\"");
                    row.append(' ').append(allowed ? "✓" : "✗").append(refused == allowed ? " ≠" + r.statusCode() : "").append(" |");
                    if (refused == allowed) {
                        failures.add(endpoint + " as " + role + ": expected " + (allowed ? "not 403" : "403") + ", got "
                                + r.statusCode() + " " + r.asString());
                    } else if (refused && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                        failures.add(endpoint + " as " + role + ": 403 without a problem body");
                    }
                }
                if (d.access() != Access.PUBLIC) {
                    int anonymous = body(given(), content).request(method, url).statusCode();
                    if (anonymous != 401) {
                        failures.add(endpoint + " without credentials: expected 401, got " + anonymous);
                    }
                }
                rows.put(path.getKey() + " " + method, row.toString());
            }
        }
        String table = "| endpoint | permission | " + ROLES.stream().map(Enum::name).collect(Collectors.joining(" | ")) + " |\n"
                + "|---|---|" + "---|".repeat(ROLES.size()) + "\n" + String.join("\n", rows.values()) + "\n\n"
                + "✓ allowed, ✗ refused with 403; ≠ marks an answer that contradicts the declaration.\n";
        System.out.println("\nPermission matrix\n\n" + table);
        Files.writeString(MATRIX, table, StandardCharsets.UTF_8);
        assertThat(rows).as("operations called").hasSizeGreaterThan(30);
        assertThat(failures).as(failures.size() + " answers contradict the declared permissions:\n"
                + String.join("\n", failures)).isEmpty();
    }

    /** Minimal bodies in the declared media type, so no call is turned away (415) before the permission check. */
    private static RequestSpecification body(RequestSpecification spec, JsonNode content) {
        if (content.isMissingNode() || !content.fieldNames().hasNext()) {
            return spec;
        }
        String type = content.fieldNames().next();
        return switch (type) {
            case "application/json" -> spec.contentType(ContentType.JSON).body(bytes("{}"));
            case "multipart/form-data" -> spec.contentType("multipart/form-data; boundary=matrix").body(bytes("--matrix--\r\n"));
            case "application/x-www-form-urlencoded" -> spec.formParam("grant_type", "client_credentials");
            default -> spec.contentType(type).body(bytes("x"));
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template.replaceAll("\\{[^}]+}", "{}");
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getKey().replace("{}", id.getValue()));
        }
        while (path.contains("{}")) {
            path = path.replaceFirst("\\{}", UUID.randomUUID().toString());
        }
        return path;
    }

    private static String key(String method, String path) {
        String normal = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]+}", "{}");
        return method + " " + (normal.length() > 1 && normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal);
    }

    /** Every JAX-RS resource method under {@code io.longnam}, by HTTP method and path template. */
    static Map<String, List<Declared>> resourceMethods() throws IOException, ClassNotFoundException {
        Map<String, List<Declared>> out = new TreeMap<>();
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("io/longnam"))) {
            names = files.map(f -> CLASSES.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, PermissionMatrixTest.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                out.computeIfAbsent(key(http, base.value() + "/" + (sub == null ? "" : sub.value())), k -> new ArrayList<>())
                        .add(declared(type, m));
            }
        }
        return out;
    }

    private static Declared declared(Class<?> type, Method m) {
        String where = type.getSimpleName() + "#" + m.getName();
        List<PermissionsAllowed> onMethod = List.of(m.getAnnotationsByType(PermissionsAllowed.class));
        List<PermissionsAllowed> requirements = onMethod.isEmpty() ? List.of(type.getAnnotationsByType(PermissionsAllowed.class)) : onMethod;
        if (!requirements.isEmpty()) {
            return new Declared(where, Access.PERMISSIONS, requirements);
        }
        if (has(m, type, PermitAll.class)) {
            return new Declared(where, Access.PUBLIC, List.of());
        }
        return new Declared(where, has(m, type, Authenticated.class) ? Access.ANY_CALLER : Access.UNDECLARED, List.of());
    }

    private static boolean has(Method m, AnnotatedElement type, Class<? extends Annotation> a) {
        return m.isAnnotationPresent(a) || type.isAnnotationPresent(a);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
