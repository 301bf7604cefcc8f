package io.longnam.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.longnam.identity.Caller;
import io.longnam.render.RenderInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/** Turns every failure into one RFC 9457 shape; nothing internal (stack, SQL, class names) reaches a client. */
public class ProblemMappers {

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem p = withRequestId(withIncident(e.toProblem(path(uri)), e.getCause()));
        Object retryAfter = p.any().get("retryAfterSeconds");
        if (retryAfter != null) {
            Response.ResponseBuilder answer = Response.status(p.status()).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter);
            Object perMinute = p.any().get("limitPerMinute");
            if (perMinute != null) {
                answer.header("RateLimit-Policy", RateLimiter.Quota.policy(perMinute))
                        .header("RateLimit", "\"per-client\";r=0;t=" + retryAfter);
            }
            return answer.entity(p).build();
        }
        return respond(p);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid("the request has invalid fields", errors).toProblem(path(uri)));
    }

    // Named one by one: Quarkus ships its own mappers for these subtypes, which would answer plain JSON.
    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(JsonErrors.problem(e, null), uri);
    }

    // Thrown while reading the parts, before any handler runs; a line break inside a quoted filename ends up here.
    @ServerExceptionMapper
    public Response multipart(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return respond(ProblemException.invalid("body", "the multipart body is malformed: each part needs well-formed "
                + "headers, and a filename must not contain line breaks").toProblem(path(uri)));
    }

    /**
     * Our code reports I/O through {@link java.io.UncheckedIOException}, so a checked one reaching this far was
     * thrown while the framework read the request, e.g. a multipart body that ends before its closing boundary.
     */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e, UriInfo uri) {
        return respond(withIncident(ProblemException.invalid("body", "the request body could not be read to its end; "
                + "a multipart body needs its closing boundary").toProblem(path(uri)), e));
    }

    /**
     * The render engine's input problems: field errors are a 400 listing every field, content the engine cannot use
     * (malformed docx/XML/table, forbidden DTDs, formula cells, oversized images) a 422; {@code code} names which.
     */
    @ServerExceptionMapper
    public Response render(RenderInputException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.fieldErrors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        String slug = e.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Map<String, Object> code = Map.of("code", e.code().name());
        ProblemException p = switch (e.code()) {
            case INVALID_FIELDS -> new ProblemException(400, "validation", "Invalid request", e.getMessage(), errors, code);
            case UNKNOWN_TEMPLATE -> new ProblemException(404, "not-found", "Not found", e.getMessage(), errors, code);
            default -> new ProblemException(422, slug, "Unprocessable content", e.getMessage(), errors, code);
        };
        return respond(withIncident(p.toProblem(path(uri)), e.getCause()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem p = new ProblemException(401, "unauthorized", "Unauthorized",
                "a valid API key or access token is required: Authorization: Bearer <key or token>", null, null).toProblem(path(uri));
        p = withRequestId(p);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(p).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        if (identity.getAttribute(Caller.REFUSAL_ATTRIBUTE) instanceof ProblemException refusal) {
            return problem(refusal, uri);
        }
        return respond(ProblemException.forbidden(forbiddenDetail(resource)).toProblem(path(uri)));
    }

    /** Names what the endpoint declares, so an administrator knows which permission a role still lacks. */
    private static String forbiddenDetail(SimpleResourceInfo resource) {
        PermissionsAllowed needed = declared(resource);
        if (needed == null) {
            return "the caller's permissions do not allow this operation";
        }
        String names = String.join(needed.inclusive() ? " and " : " or ", needed.value());
        return "this operation needs the permission " + names + ", which the caller's roles do not confer";
    }

    private static PermissionsAllowed declared(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        try {
            PermissionsAllowed onMethod = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(PermissionsAllowed.class);
            return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(PermissionsAllowed.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON body reader wraps some parse failures into a bare 400 before our json mapper could see them.
            return json(json, uri);
        }
        if (e.getCause() instanceof ProblemException refusal) {
            // JAX-RS wraps a parameter converter's refusal (TypedParams) into a 404; the refusal is the answer.
            return problem(refusal, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = reason == null ? "http-" + status : reason.toLowerCase().replace(' ', '-');
        return respond(new ProblemException(status, slug, reason, e.getMessage(), null, null).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure, incident %s, request %s", incident, RequestIds.current());
        return respond(new ProblemException(500, "internal", "Internal error",
                "the request failed unexpectedly; quote incident " + incident, null,
                Map.of("incident", incident)).toProblem(path(uri)));
    }

    /**
     * Where an answer was written in place of a library's message, the original goes to the log under an incident
     * id that the answer quotes, so support can find it without the client ever seeing it.
     */
    private static Problem withIncident(Problem problem, Throwable cause) {
        if (cause == null) {
            return problem;
        }
        String incident = UUID.randomUUID().toString();
        Log.infof("answered %d %s for %s, incident %s, request %s: %s", problem.status(), problem.type(),
                problem.instance(), incident, RequestIds.current(), cause);
        Log.debugf(cause, "incident %s", incident);
        return problem.with("incident", incident);
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withRequestId(problem)).build();
    }

    /** Quoting the request id lets support find the request's log lines and access-log row from a client's report. */
    static Problem withRequestId(Problem problem) {
        String requestId = RequestIds.current();
        if (requestId == null || problem.any().containsKey("requestId")) {
            return problem;
        }
        return problem.with("requestId", requestId);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** "register.arg0.labels[0]" → "labels[0]": clients know their own fields, not our method names. */
    private static String fieldOf(jakarta.validation.Path path) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
