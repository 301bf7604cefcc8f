package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longnam.support.Api.Tenant;
import io.longnam.support.Api;
import io.longnam.support.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served contract, fed a catalogue of bad input, must answer a 4xx problem that names no
 * internals: a 5xx or a class name in an answer is a bug in input handling, not the client's.
 */
@QuarkusTest
class BadInputCatalogueTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String LONG = "x".repeat(100 * 1024);
    static final List<String> INTERNALS = List.of("java.", "io.longnam", "Exception", "\tat ", ".java:", "org.apache",
            "eu.europa", "com.fasterxml", "org.jboss", "io.vertx", "io.quarkus");
    // Raw bytes rather than rest-assured's encoders: they would not send a CR/LF filename or a bare NUL.
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    record Call(String method, String path, String variant, Function<RequestSpecification, RequestSpecification> setup,
                Set<String> declared) {

        Call(String method, String path, String variant, Function<RequestSpecification, RequestSpecification> setup) {
            this(method, path, variant, setup, Set.of());
        }
    }

    @Test
    void noBadRequestAnswersAServerErrorOrNamesInternals() throws Exception {
        JsonNode contract = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Tenant tenant = Api.school("catalogue");
        Map<String, String> ids = realIds(tenant);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (Call call : catalogue(contract, path.getKey(), op.getKey().toUpperCase(), op.getValue(), ids)) {
                    sent++;
                    check(call, tenant, failures);
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(500);
        assertThat(failures).as(failures.size() + " of " + sent + " bad requests were mishandled:\n"
                + String.join("\n", failures)).isEmpty();
    }

    private static void check(Call call, Tenant tenant, List<String> failures) {
        RequestSpecification spec = (call.variant().equals("no auth") ? given() : tenant.as()).config(RAW);
        Response r;
        try {
            r = call.setup().apply(spec).request(call.method(), call.path());
        } catch (RuntimeException e) {
            failures.add(call.method() + " " + call.path() + " [" + call.variant() + "] → no answer: " + e);
            return;
        }
        String body = r.asString();
        String where = call.method() + " " + abbreviate(call.path()) + " [" + call.variant() + "] → " + r.statusCode() + " "
                + abbreviate(body);
        if (r.statusCode() >= 500) {
            failures.add(where);
        } else if (INTERNALS.stream().anyMatch(body::contains)) {
            failures.add(where + " (names internals)");
        } else if (r.statusCode() >= 400 && !body.isEmpty() && !isPageOrDownload(call.path())
                && !answersLikeProblem(call.path(), r)) {
            failures.add(where + " (content type " + r.contentType() + ")");
        } else if (!call.declared().contains(String.valueOf(r.statusCode()))) {
            // Generated clients type the answers the contract declares; an undeclared status reaches them untyped.
            failures.add(where + " (status not declared in the contract: " + call.declared() + ")");
        }
    }

    /** The OAuth token endpoint answers RFC 6749 §5.2 `application/json` (with the problem members inside). */
    private static boolean answersLikeProblem(String path, Response r) {
        String type = String.valueOf(r.contentType());
        return type.startsWith(Problem.MEDIA_TYPE)
                || path.equals("/oauth2/token") && type.startsWith("application/json") && r.jsonPath().get("error") != null
                && r.jsonPath().get("type") != null;
    }

    private static boolean isPageOrDownload(String path) {
        return path.startsWith("/v/") || path.startsWith("/d/") || path.endsWith("/file");
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** Ids that exist for the tenant, so bad input reaches past the "not found" checks into the handlers. */
    private static Map<String, String> realIds(Tenant tenant) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/organizations/{id}", tenant.orgId().toString());
        ids.put("{orgId}", tenant.orgId().toString());
        ids.put("/documents/{id}", Api.register(tenant, "catalogue").toString());
        // A spare key: revoking or rotating it must not lock the catalogue itself out.
        ids.put("/api-keys/{keyId}", tenant.as().contentType("application/json")
                .body(Map.of("name", "spare", "roles", List.of("AUDITOR")))
                .post("/api/v1/organizations/{o}/api-keys", tenant.orgId()).then().statusCode(201).extract().path("id"));
        ids.put("/templates/{id}", "PP1");
        ids.put("{webhookId}", tenant.as().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("*")))
                .post("/api/v1/organizations/{o}/webhooks", tenant.orgId()).then().statusCode(201).extract().path("id"));
        return ids;
    }

    private static String resolve(String template, Map<String, String> ids, Map<String, String> override) {
        String path = template;
        for (Map.Entry<String, String> o : override.entrySet()) {
            path = path.replace("{" + o.getKey() + "}", o.getValue());
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            String key = id.getKey();
            if (key.startsWith("/")) {
                path = path.replace(key, key.replaceAll("\\{[^}]+}", id.getValue()));
            } else {
                path = path.replace(key, id.getValue());
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static List<Call> catalogue(JsonNode contract, String template, String method, JsonNode op,
                                        Map<String, String> ids) throws Exception {
        List<Call> calls = new ArrayList<>();
        String path = resolve(template, ids, Map.of());
        Set<String> declared = new java.util.TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(declared::add);
        calls.add(new Call(method, path, "no auth", s -> s));
        calls.add(new Call(method, path, "no body", s -> s));
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("path")) {
                pathParams.add(p.path("name").asText());
            } else if (p.path("in").asText().equals("query")) {
                queryParams.add(p.path("name").asText());
            }
        }
        for (String name : pathParams) {
            for (String bad : List.of("not-a-uuid", UUID.randomUUID().toString(), "a\u0000b", "x".repeat(2000))) {
                String bent = resolve(template, ids, Map.of(name, java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8)));
                calls.add(new Call(method, bent, "path " + name + "=" + abbreviate(bad).replace("\u0000", "\\0"),
                        s -> s.urlEncodingEnabled(false)));
            }
        }
        for (String name : queryParams) {
            for (String bad : List.of("abc", "-1", "0", "99999999999999999999", "a\u0000b", "\u0000", "\u202Eevil",
                    "x".repeat(3000), "2026-13-45T99:99:99Z")) {
                calls.add(new Call(method, path, "query " + name + "=" + abbreviate(bad).replace("\u0000", "\\0"),
                        s -> s.queryParam(name, bad)));
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            JsonNode schema = content.get("application/json").get("schema");
            calls.addAll(jsonCalls(method, path, properties(contract, schema), validBody(schema)));
        }
        if (content.has("multipart/form-data")) {
            calls.addAll(multipartCalls(method, path, properties(contract, content.get("multipart/form-data").get("schema"))));
        }
        if (!content.isMissingNode()) {
            calls.add(new Call(method, path, "text/plain body", s -> s.contentType("text/plain").body(bytes("hello"))));
            calls.add(new Call(method, path, "xml body", s -> s.contentType("application/xml").body(bytes("<a>\u0000</a>"))));
            calls.add(new Call(method, path, "unknown content type", s -> s.contentType("application/x-nonsense").body(bytes("x"))));
            calls.add(new Call(method, path, "json declared, multipart sent",
                    s -> s.contentType("application/json").body(bytes("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--b--\r\n"))));
        }
        return calls.stream().map(c -> new Call(c.method(), c.path(), c.variant(), c.setup(), declared)).toList();
    }

    /** A body that passes validation, so one bad property at a time reaches the handler rather than a "required" check. */
    private static ObjectNode validBody(JsonNode schema) throws Exception {
        String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
        String json = switch (name) {
            case "CreateOrganization" -> "{\"name\": \"child\", \"code\": \"c" + System.nanoTime() + "\"}";
            case "CreateApiKey" -> "{\"name\": \"k\", \"roles\": [\"AUDITOR\"]}";
            case "EnrolKey" -> "{\"alias\": \"a" + System.nanoTime() + "\", \"algorithm\": \"EC_P256\", \"provider\": \"software\","
                    + " \"subject\": \"CN=catalogue\"}";
            case "JobSubmission" -> "{\"templateId\": \"LETTER\", \"records\": [{}]}";
            case "PeriodPurge" -> "{\"createdFrom\": \"2020-01-01T00:00:00Z\", \"createdTo\": \"2020-01-02T00:00:00Z\"}";
            case "KeyPatch" -> "{\"default\": true}";
            case "CertificateUpload" -> "{\"certificateChain\": \"x\"}";
            case "RenderRequest" -> "{\"templateId\": \"LETTER\", \"data\": {}}";
            // The test profile allow-lists 127.0.0.1 for webhook receivers; nothing listens on port 9.
            case "CreatePage" -> "{\"slug\": \"p" + System.nanoTime() + "\", \"titleTh\": \"ก\", \"titleEn\": \"a\","
                    + " \"bodyTh\": \"<p>x</p>\", \"bodyEn\": \"<p>x</p>\"}";
            case "PageDraft" -> "{\"titleTh\": \"ก\", \"titleEn\": \"a\", \"bodyTh\": \"<p>x</p>\", \"bodyEn\": \"<p>x</p>\"}";
            case "CreateWebhook" -> "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"document.*\"]}";
            default -> "{}";
        };
        return (ObjectNode) JSON.readTree(json);
    }

    private static List<Call> jsonCalls(String method, String path, Map<String, JsonNode> properties, ObjectNode valid)
            throws Exception {
        List<Call> calls = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("malformed", "{\"a\":");
        raw.put("trailing garbage", "{} {}");
        raw.put("array", "[]");
        raw.put("string", "\"x\"");
        raw.put("null", "null");
        raw.put("empty object", "{}");
        raw.put("unknown property", "{\"noSuchProperty\": 1}");
        raw.put("bare NUL", "{\"a\u0000\": 1}");
        raw.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        raw.put("not UTF-8", new String(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, String> r : raw.entrySet()) {
            calls.add(new Call(method, path, "json " + r.getKey(), s -> s.contentType("application/json")
                    .body(r.getValue().getBytes(StandardCharsets.ISO_8859_1))));
        }
        for (String property : properties.keySet()) {
            for (Map.Entry<String, JsonNode> bad : badValues().entrySet()) {
                ObjectNode body = valid.deepCopy();
                body.set(property, bad.getValue());
                String json = JSON.writeValueAsString(body);
                calls.add(new Call(method, path, "json " + property + "=" + bad.getKey(),
                        s -> s.contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))));
            }
        }
        return calls;
    }

    static Map<String, JsonNode> badValues() {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("text", NODES.textNode("text"));
        v.put("number", NODES.numberNode(1));
        v.put("negative", NODES.numberNode(-1));
        v.put("fraction", NODES.numberNode(1.5));
        v.put("overflow", NODES.numberNode(new BigInteger("99999999999999999999")));
        v.put("true", NODES.booleanNode(true));
        v.put("null", NODES.nullNode());
        v.put("[]", NODES.arrayNode());
        v.put("{}", NODES.objectNode());
        v.put("[null]", NODES.arrayNode().addNull());
        v.put("[NUL]", NODES.arrayNode().add("a\u0000b"));
        v.put("[1]", NODES.arrayNode().add(1));
        v.put("NUL", NODES.textNode("a\u0000b"));
        v.put("bidi", NODES.textNode("\u202Egnp.exe\u202C"));
        v.put("100 kB", NODES.textNode(LONG));
        v.put("bad instant", NODES.textNode("2026-13-45T99:99:99Z"));
        v.put("object with NUL", NODES.objectNode().put("name", "a\u0000b"));
        v.put("[object with NUL]", NODES.arrayNode().add(NODES.objectNode().put("name", "a\u0000b")));
        v.put("[object with NUL key]", NODES.arrayNode().add(NODES.objectNode().put("a\u0000b", "x")));
        return v;
    }

    private static List<Call> multipartCalls(String method, String path, Map<String, JsonNode> properties) {
        List<Call> calls = new ArrayList<>();
        byte[] pdf = TestPdfs.onePage("catalogue");
        calls.add(new Call(method, path, "empty multipart", multipart(new Multipart())));
        calls.add(new Call(method, path, "multipart without boundary", s -> s.contentType("multipart/form-data").body(bytes("x"))));
        calls.add(new Call(method, path, "multipart cut short", s -> s.contentType("multipart/form-data; boundary=b")
                .body(bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"))));
        for (String filename : List.of("a\r\nb.pdf", "a\u0000b.pdf", "\u202Efdp.exe", "../../etc/passwd", "x".repeat(5000) + ".pdf")) {
            for (Map.Entry<String, JsonNode> p : properties.entrySet()) {
                if (isFile(p.getValue())) {
                    calls.add(new Call(method, path, "multipart " + p.getKey() + " filename " + abbreviate(filename)
                            .replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0"),
                            multipart(new Multipart().file(p.getKey(), filename, "application/pdf", pdf))));
                }
            }
        }
        for (Map.Entry<String, JsonNode> p : properties.entrySet()) {
            if (isFile(p.getValue())) {
                calls.add(new Call(method, path, "multipart " + p.getKey() + " empty file",
                        multipart(new Multipart().file(p.getKey(), "a.pdf", "application/pdf", new byte[0]))));
                calls.add(new Call(method, path, "multipart " + p.getKey() + " garbage",
                        multipart(new Multipart().file(p.getKey(), "a.docx", "application/octet-stream", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1)))));
                continue;
            }
            for (String bad : List.of("a\u0000b", LONG, "{", "{\"a\":", "[null]", "{\"labels\":[null]}", "{\"expiresAt\":\"x\"}",
                    "99999999999999999999", "-1", "abc", "\u202Eevil")) {
                calls.add(new Call(method, path, "multipart " + p.getKey() + "=" + abbreviate(bad).replace("\u0000", "\\0"),
                        multipart(new Multipart().file("file", "doc.pdf", "application/pdf", pdf).text(p.getKey(), bad))));
            }
        }
        return calls;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFile(JsonNode schema) {
        return schema.path("format").asText().equals("binary");
    }

    private static Function<RequestSpecification, RequestSpecification> multipart(Multipart m) {
        byte[] body = m.bytes();
        return s -> s.contentType("multipart/form-data; boundary=" + Multipart.BOUNDARY).body(body);
    }

    /** A multipart body written by hand: header values go out exactly as given. */
    static final class Multipart {
        static final String BOUNDARY = "catalogue-boundary";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart file(String name, String filename, String type, byte[] content) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: "
                    + type, content);
        }

        Multipart text(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
        }

        private Multipart part(String headers, byte[] content) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }

    /** The properties of a request schema, following one {@code $ref}; a bare string schema has none. */
    private static Map<String, JsonNode> properties(JsonNode contract, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            resolved = contract.path("components").path("schemas").path(name);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resolved.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }
}
