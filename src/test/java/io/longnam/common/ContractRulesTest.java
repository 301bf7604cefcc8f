package io.longnam.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a generated client relies on, checked on every operation of the served contract (those added later included):
 * typed problem answers for each status, one request content type, typed bodies, the headers creates and
 * rate-limited operations answer, public operations marked as such, and described tags.
 */
@QuarkusTest
class ContractRulesTest {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    record Op(String where, JsonNode node) {
    }

    private static JsonNode contract() throws Exception {
        return new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private static List<Op> operations(JsonNode contract) {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (VERBS.contains(op.getKey())) {
                    ops.add(new Op(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                }
            });
        }
        assertThat(ops).hasSizeGreaterThan(60);
        return ops;
    }

    @Test
    void everyErrorAnswerIsATypedProblemAndEveryOperationDeclaresTheCommonOnes() throws Exception {
        JsonNode contract = contract();
        assertThat(contract.at("/components/schemas/Problem/properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "instance", "code", "errors", "retryable");
        List<String> problems = new ArrayList<>();
        for (Op op : operations(contract)) {
            JsonNode responses = op.node().path("responses");
            boolean secured = !op.node().path("security").isEmpty();
            List<String> expected = new ArrayList<>(List.of("400", "503"));
            if (secured) {
                expected.addAll(List.of("401", "403"));
            }
            if (op.where().contains("{")) {
                expected.add("404");
            }
            if (op.node().has("requestBody")) {
                expected.addAll(List.of("413", "415"));
            }
            expected.stream().filter(s -> !responses.has(s)).forEach(s -> problems.add(op.where() + " does not declare " + s));
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().matches("[45]\\d\\d") && !op.where().equals("POST /oauth2/token")
                        && !op.where().startsWith("GET /v/")) {
                    String ref = r.getValue().at("/content/application~1problem+json/schema/$ref").asText();
                    if (!ref.equals("#/components/schemas/Problem")) {
                        problems.add(op.where() + " answers " + r.getKey() + " without the Problem schema");
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void requestsHaveOneTypedContentTypeAndMultipartFilesAreBinaryAndRequired() throws Exception {
        JsonNode contract = contract();
        List<String> problems = new ArrayList<>();
        for (Op op : operations(contract)) {
            JsonNode content = op.node().path("requestBody").path("content");
            if (content.isMissingNode()) {
                continue;
            }
            if (content.size() != 1) {
                problems.add(op.where() + " takes " + content.size() + " content types");
            }
            JsonNode multipart = content.path("multipart/form-data").path("schema");
            if (!multipart.isMissingNode()) {
                JsonNode schema = resolve(contract, multipart);
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                schema.path("properties").fields().forEachRemaining(p -> {
                    if (p.getValue().has("$ref")) {
                        problems.add(op.where() + " part " + p.getKey() + " is a $ref, which clients send as text");
                    }
                    if (p.getValue().path("format").asText().equals("binary") && !required.contains(p.getKey())) {
                        problems.add(op.where() + " file part " + p.getKey() + " is optional: generated clients cannot leave it out");
                    }
                });
                if (required.stream().noneMatch(r -> schema.path("properties").path(r).path("format").asText().equals("binary"))) {
                    problems.add(op.where() + " has no required file part");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void successAnswersAreTypedAndCreatesSayWhere() throws Exception {
        JsonNode contract = contract();
        List<String> problems = new ArrayList<>();
        for (Op op : operations(contract)) {
            List<String> success = new ArrayList<>();
            op.node().path("responses").fields().forEachRemaining(r -> {
                if (!r.getKey().startsWith("2")) {
                    return;
                }
                success.add(r.getKey());
                JsonNode content = r.getValue().path("content");
                if (!r.getKey().equals("204") && (content.isEmpty()
                        || !content.elements().next().has("schema") || content.elements().next().path("schema").isEmpty())) {
                    problems.add(op.where() + " answers " + r.getKey() + " without a typed body");
                }
                // An export (CSV, xlsx, PDF) is the same answer as a file, chosen with Accept or format=; only the
                // JSON form is something a client deserialises.
                long exports = java.util.stream.Stream.of("text/csv", ReportExportTypes.XLSX, ReportExportTypes.PDF)
                        .filter(content::has).count();
                if (content.size() - exports > 1) {
                    problems.add(op.where() + " answers " + r.getKey() + " in " + content.size() + " media types");
                }
                if ((r.getKey().equals("201") || r.getKey().equals("202")) && !r.getValue().path("headers").has("Location")) {
                    problems.add(op.where() + " answers " + r.getKey() + " without declaring Location");
                }
                if (content.toString().contains("oneOf")) {
                    problems.add(op.where() + " answers a oneOf without a discriminator");
                }
            });
            if (success.size() != 1 && !success.equals(List.of("200", "304"))) {
                problems.add(op.where() + " declares success answers " + success);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void publicOperationsSaySoAndRateLimitedOnesDocumentTheirHeaders() throws Exception {
        JsonNode contract = contract();
        List<String> problems = new ArrayList<>();
        for (Op op : operations(contract)) {
            if (!op.node().has("security")) {
                problems.add(op.where() + " has no security entry (public operations declare security: [])");
            }
            JsonNode responses = op.node().path("responses");
            if (responses.has("429") && op.node().path("security").isEmpty()) {
                responses.fields().forEachRemaining(r -> {
                    if ((r.getKey().startsWith("2") || r.getKey().equals("429")) && !op.where().equals("POST /oauth2/token")
                            && !(r.getValue().path("headers").has("RateLimit") && r.getValue().path("headers").has("RateLimit-Policy"))) {
                        problems.add(op.where() + " answers " + r.getKey() + " without the RateLimit headers");
                    }
                });
                if (!responses.path("429").path("headers").has("Retry-After")) {
                    problems.add(op.where() + " answers 429 without Retry-After");
                }
            }
            for (JsonNode p : op.node().path("parameters")) {
                if (p.path("name").asText().equals("limit")
                        && !(p.at("/schema/minimum").asInt() == 1 && p.at("/schema/maximum").asInt() == Limits.MAX)) {
                    problems.add(op.where() + " has a limit without its bounds");
                }
            }
        }
        for (String name : List.of("verifyDocument", "downloadByLink", "viewVerificationPage")) {
            JsonNode op = operations(contract).stream().filter(o -> o.node().path("operationId").asText().equals(name))
                    .findFirst().orElseThrow().node();
            assertThat(op.path("security").isArray() && op.path("security").isEmpty()).as(name + " is public").isTrue();
        }
        contract.path("tags").forEach(t -> {
            if (t.path("description").asText().isBlank()) {
                problems.add("tag " + t.path("name").asText() + " has no description");
            }
        });
        assertThat(contract.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(contract.at("/info/contact").isMissingNode()).isFalse();
        assertThat(contract.at("/info/license/name").asText()).isNotBlank();
        assertThat(problems).isEmpty();
    }

    @Test
    void theMainBodiesCarryExamples() throws Exception {
        JsonNode schemas = contract().at("/components/schemas");
        List<String> without = new ArrayList<>();
        for (String name : List.of("DocumentView", "SealCommand", "RenderRequest", "JobSubmission", "CreateLink", "LinkView",
                "CreateApiKey", "IssuedApiKey", "VerificationReport", "Problem")) {
            if (!schemas.path(name).path("examples").isArray() || schemas.path(name).path("examples").isEmpty()) {
                without.add(name);
            }
        }
        assertThat(without).as("schemas without an example").isEmpty();
        assertThat(schemas.at("/DocumentUpload/properties/metadata/examples").isArray()).isTrue();
    }

    @Test
    void publicVerificationAnswersItsQuotaInRateLimitHeaders() {
        given().multiPart("file", "u.pdf", io.longnam.support.TestPdfs.onePage("quota"), "application/pdf")
                .post("/api/v1/verifications").then().statusCode(200)
                .header("RateLimit-Policy", org.hamcrest.Matchers.matchesPattern("\"per-client\";q=\\d+;w=60"))
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"per-client\";r=\\d+;t=\\d+"));
    }

    private static JsonNode resolve(JsonNode contract, JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        return contract.at("/components/schemas/" + schema.get("$ref").asText().substring("#/components/schemas/".length()));
    }

    private static final class ReportExportTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        static final String PDF = "application/pdf";
    }
}
