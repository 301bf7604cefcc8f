package io.longnam.common;

import java.util.List;
import java.util.Map;

/**
 * The one exception services throw for a client-visible failure. It carries what the problem+json answer
 * needs, so services stay free of JAX-RS types.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail,
                            List<Problem.FieldError> errors, Map<String, Object> extensions) {
        this(status, slug, title, detail, errors, extensions, null);
    }

    private ProblemException(int status, String slug, String title, String detail,
                             List<Problem.FieldError> errors, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, errors, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null, null);
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(410, "gone", "Gone", detail, null, null);
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "uploads are limited to " + limit + " bytes", null, Map.of("maxBytes", limit));
    }

    public static ProblemException unsupportedMedia(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Unprocessable content", detail, null, null);
    }

    /** A dependency (database, TSA, key provider, CRL server) failed for now: worth a retry after a short pause. */
    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(503, slug, "Service unavailable", detail, null,
                Map.of("retryable", true, "retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    private static final int RETRY_AFTER_SECONDS = 5;

    /**
     * The same answer, remembering what caused it: the cause is logged with an incident id the answer quotes, and
     * never shown to the client. Use it whenever the detail was written in place of a library's message.
     */
    public ProblemException because(Throwable cause) {
        return new ProblemException(status, slug, title, getMessage(), errors, extensions, cause);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, a short machine-readable code such as {@code tsa-unavailable}. */
    public String slug() {
        return slug;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors, extensions);
    }
}
