package io.longnam.common;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's failures in the client's terms: which field (from the JSON path, e.g. {@code roles[0]}) and what was
 * expected there, in words. Jackson's own messages name our classes and its tokens, so none of them is passed on;
 * the exception stays the problem's cause, logged under the incident id the answer quotes.
 */
public final class JsonErrors {

    private static final Pattern LIMIT = Pattern.compile("maximum (?:allowed )?\\(?(\\d+)");

    private JsonErrors() {
    }

    /** {@code part} names what held the JSON: {@code null} for the request body, else a multipart part such as "options". */
    public static ProblemException problem(JacksonException e, String part) {
        String whole = part == null ? "the body" : part;
        JacksonException reason = rootReason(e);
        String path = pathOf(e, reason);
        String field = path.isEmpty() ? (part == null ? "body" : part) : (part == null ? path : part + "." + path);
        String subject = path.isEmpty() ? whole : field;
        String message;
        if (reason instanceof StreamConstraintsException) {
            message = subject + " " + limitBroken(reason.getOriginalMessage());
        } else if (reason instanceof InputCoercionException coercion) {
            message = subject + " must be " + expected(coercion.getTargetType());
        } else if (reason instanceof JsonText.RefusedText) {
            message = subject + " " + reason.getOriginalMessage();
        } else if (reason instanceof InvalidNullException) {
            message = subject + " must not be null";
        } else if (reason instanceof PropertyBindingException) {
            // Unknown properties are ignored (Quarkus leaves FAIL_ON_UNKNOWN_PROPERTIES off, so clients built against
            // a newer contract keep working); this answers only where a type opts into refusing them.
            message = subject + " is not a known property";
        } else if (reason instanceof MismatchedInputException mismatch) {
            message = subject + " must be " + expected(mismatch.getTargetType());
        } else if (reason instanceof JsonMappingException) {
            message = subject + " has a value that cannot be used here";
        } else {
            JsonLocation at = reason.getLocation();
            message = whole + " is not well-formed JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            field = part == null ? "body" : part;
        }
        return ProblemException.invalid(message, List.of(new Problem.FieldError(field, message))).because(e);
    }

    /** The failure that says what went wrong: databind wraps parser failures to add the path, which we read separately. */
    private static JacksonException rootReason(JacksonException e) {
        JacksonException reason = e;
        while (reason instanceof JsonMappingException && !(reason instanceof MismatchedInputException)
                && reason.getCause() instanceof JacksonException cause) {
            reason = cause;
        }
        return reason;
    }

    /** Databind knows the path of what it was binding; a parser failure only knows where the parser stood. */
    private static String pathOf(JacksonException e, JacksonException reason) {
        if (e instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return reason.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "";
    }

    private static String pathOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                segments.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String limitBroken(String jacksonMessage) {
        Matcher limit = LIMIT.matcher(jacksonMessage == null ? "" : jacksonMessage);
        String max = limit.find() ? limit.group(1) : null;
        if (jacksonMessage != null && jacksonMessage.startsWith("String value length")) {
            return max == null ? "is too long" : "is longer than " + max + " characters";
        }
        if (jacksonMessage != null && jacksonMessage.startsWith("Number value length")) {
            return max == null ? "has too many digits" : "has more than " + max + " digits";
        }
        if (jacksonMessage != null && jacksonMessage.contains("nesting depth")) {
            return max == null ? "is nested too deeply" : "is nested deeper than " + max + " levels";
        }
        return "exceeds a size limit";
    }

    /** What a value of {@code type} looks like in JSON, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of [" + String.join(", ", EnumValues.all(type)) + "]";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class || type == byte.class || type == Byte.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant like 2026-01-31T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date like 2026-01-31";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration like PT1H";
        }
        if (type == UUID.class) {
            return "a UUID like 123e4567-e89b-12d3-a456-426614174000";
        }
        if (type == byte[].class) {
            return "base64 text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
