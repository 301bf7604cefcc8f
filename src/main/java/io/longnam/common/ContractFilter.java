package io.longnam.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The rules every operation of the contract follows, applied to the whole document rather than endpoint by endpoint,
 * so that operations added later follow them too: each declares the problem answers it can give (typed as
 * {@code Problem}), public ones say {@code security: []}, creates announce {@code Location}, idempotent writes
 * {@code Idempotent-Replayed}, rate-limited ones (those declaring 429) the RateLimit headers, conditional
 * downloads (those taking {@code If-None-Match}) their {@code ETag} and 304, and {@code limit} carries its bounds. A status an endpoint alone can answer (410, 422, 429) it declares with {@code @APIResponse};
 * this filter gives it the problem body.
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String HEADERS = "#/components/headers/";
    private static final String JSON_NODE = "JsonNode";
    private static final String IF_NONE_MATCH = "If-None-Match";

    /** Reason phrases of the problem answers this service gives. */
    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("400", "Invalid request: a field, parameter or body the service cannot accept (`errors[]` names the fields)"),
            Map.entry("401", "No valid API key or access token"),
            Map.entry("403", "The caller's roles do not confer the permission this operation needs"),
            Map.entry("404", "No such resource within the caller's organisation subtree"),
            Map.entry("409", "Conflict with the resource's current state or a concurrent change"),
            Map.entry("410", "Gone: the resource existed but was deleted, revoked or expired"),
            Map.entry("413", "The upload or body is larger than the service accepts"),
            Map.entry("415", "The body or a part has a media type this operation does not take"),
            Map.entry("422", "The content is well-formed but cannot be processed (see `type` and `code`)"),
            Map.entry("429", "Too many requests from this client; retry after `Retry-After` seconds"),
            Map.entry("500", "Unexpected failure; quote `incident` to support"),
            Map.entry("502", "The key-management provider refused the operation (`kms-error`), e.g. the key's provider is "
                    + "switched off; retrying unchanged does not help"),
            Map.entry("503", "A dependency (database, TSA, key provider, CRL server) is unavailable; `retryable`, retry after `Retry-After` seconds"));

    /**
     * A reference stands alone: the scanner puts a multipart method's form fields or a UUID's {@code type} next to
     * the {@code $ref}, which OpenAPI 3.1 tolerates but generators reject or read as a second, conflicting schema.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        // Free-form JSON (Jackson's JsonNode) is any object, not the bean properties the scanner finds on JsonNode.
        if (schema.getRef() != null && schema.getRef().endsWith("/" + JSON_NODE)) {
            schema.setRef(null);
            schema.addType(SchemaType.OBJECT);
        }
        if (schema.getRef() != null) {
            schema.setType(null);
            schema.setProperties(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.removeSchema(JSON_NODE);
        components.removeSchema(JSON_NODE + "Type");
        components.addSchema("FieldError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One refused field or parameter")
                .addProperty("field", string("The field, parameter or part, e.g. `labels[0]`"))
                .addProperty("message", string("What is wrong with it")));
        components.addSchema(PROBLEM, problemSchema());
        components.addHeader("Location", header("URL of the created resource (absent for a batch of several)", string(null)));
        components.addHeader("Idempotent-Replayed", header("`true` when this answer replays the first request sent with the "
                + "same Idempotency-Key; nothing was created again", OASFactory.createSchema().addType(SchemaType.BOOLEAN)));
        components.addHeader("Retry-After", header("Seconds to wait before retrying",
                OASFactory.createSchema().addType(SchemaType.INTEGER)));
        components.addHeader("ETag", header("Strong validator of the file's bytes; send it back in If-None-Match to get a 304",
                string(null)));
        components.addHeader("RateLimit-Policy", header("The client's quota (IETF RateLimit fields), e.g. "
                + "`\"per-client\";q=30;w=60`: q requests per w seconds", string(null)));
        components.addHeader("RateLimit", header("What is left of the quota (IETF RateLimit fields), e.g. "
                + "`\"per-client\";r=12;t=40`: r requests for the next t seconds", string(null)));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> apply(path, method, operation)));
    }

    private static void apply(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            // Said explicitly, so that a document-level default could never make a public operation ask for a key.
            operation.setSecurity(new java.util.ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, "400");
        if (secured) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413");
            add(responses, "415");
        }
        // Every operation can fail unexpectedly; the answer is still a Problem, with the incident id to quote.
        add(responses, "500");
        add(responses, "503");
        // Public endpoints answer their quota in RateLimit headers; the token endpoint's 429 is an RFC 6749 body instead.
        APIResponse tooMany = responses.getAPIResponse("429");
        boolean rateLimited = !secured && tooMany != null
                && (tooMany.getContent() == null || tooMany.getContent().getMediaTypes() == null
                || tooMany.getContent().getMediaTypes().isEmpty());
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        boolean conditional = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IF_NONE_MATCH.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        if (conditional && !responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the file still has the ETag sent in If-None-Match; no body"));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemBody(status, response);
            }
            if (status.equals("201") || status.equals("202")) {
                addHeader(response, "Location");
            }
            if (status.startsWith("2") && idempotent) {
                addHeader(response, "Idempotent-Replayed");
            }
            if (conditional && (status.equals("200") || status.equals("304"))) {
                addHeader(response, "ETag");
            }
            if (status.equals("429") || status.equals("503")) {
                addHeader(response, "Retry-After");
            }
            if (rateLimited && (status.startsWith("2") || status.equals("429"))) {
                addHeader(response, "RateLimit-Policy");
                addHeader(response, "RateLimit");
            }
        });
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ContractFilter::describeParameter);
        }
    }

    private static void describeParameter(Parameter p) {
        if (p.getIn() == Parameter.In.HEADER && IF_NONE_MATCH.equalsIgnoreCase(p.getName()) && p.getDescription() == null) {
            p.setDescription("The ETag of a copy the client holds (or a list of them, or `*`): 304 without a body "
                    + "when the file is still the same");
        }
        if (p.getIn() != Parameter.In.QUERY || p.getSchema() == null) {
            return;
        }
        if ("limit".equals(p.getName())) {
            p.getSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Limits.MAX)).defaultValue(Limits.DEFAULT);
            if (p.getDescription() == null) {
                p.setDescription("Items per page, 1–" + Limits.MAX + " (default " + Limits.DEFAULT + "); outside that range: 400");
            }
        } else if ("cursor".equals(p.getName()) && p.getDescription() == null) {
            p.setDescription("The `nextCursor` of the previous page; absent for the first page");
        }
    }

    private static void add(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(STATUSES.get(status)));
        }
    }

    /** An error answer without a body of its own is a problem; the token endpoint's RFC 6749 body stays as declared. */
    private static void problemBody(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(STATUSES.getOrDefault(status, "Refused"));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM)));
            response.setContent(content);
        }
    }

    private static void addHeader(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string(String description) {
        Schema s = OASFactory.createSchema().addType(SchemaType.STRING);
        return description == null ? s : s.description(description);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details, `application/problem+json`. Some types add members of their "
                        + "own (e.g. `pdf-too-complex`: `measure`, `limit`, `found`; `payload-too-large`: `maxBytes`).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("Identifies the kind of problem; its last segment is a stable "
                        + "machine-readable code (see the README's catalogue)").format("uri")
                        .examples(List.of("https://longnam.io/problems/validation")))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request, in plain words"))
                .addProperty("instance", string("The request path"))
                .addProperty("code", string("A finer reason within the type where there is one, e.g. the render "
                        + "engine's MALFORMED_DOCX, XML_DTD_FORBIDDEN, FORMULA_INJECTION"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The refused fields, when the problem is about fields")
                        .items(OASFactory.createSchema().ref("FieldError")))
                .addProperty("retryable", OASFactory.createSchema().addType(SchemaType.BOOLEAN)
                        .description("true when the same request may succeed later (after Retry-After)"))
                .addProperty("retryAfterSeconds", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("Seconds to wait, as in Retry-After"))
                .addProperty("requestId", string("The request's X-Request-Id, for support"))
                .addProperty("incident", string("Id under which the cause is logged, for support"))
                .examples(List.of(problemExample()));
    }

    /** What a refused seal level looks like: the field named, the allowed values in words, nothing internal. */
    private static Map<String, Object> problemExample() {
        String message = "level must be one of [B-B, B-T, B-LT, B-LTA]";
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "https://longnam.io/problems/validation");
        example.put("title", "Invalid request");
        example.put("status", 400);
        example.put("detail", message);
        example.put("instance", "/api/v1/documents/5e0c2a8e-7d4b-4f61-a9d2-6c1b3e8f0a27/seal");
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", "level");
        error.put("message", message);
        // Ordered maps: Map.of iterates in a per-JVM random order, and the served spec must equal the committed one.
        example.put("errors", List.of(error));
        example.put("retryable", false);
        example.put("requestId", "c84e97da-75d1-4c05-acb3-d60535082a3b");
        return example;
    }
}
