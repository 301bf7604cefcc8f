package io.longnam.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Parses optional JSON bodies and JSON multipart parts by hand, so "no body at all" (no Content-Type either) is
 * accepted and broken JSON still answers a problem naming the part.
 */
@ApplicationScoped
public class JsonBodies {

    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /** {@code part} names the multipart part in error messages; {@code null} for the request body itself. */
    public <T> T parse(String body, Class<T> type, String part) {
        if (body == null || body.isBlank()) {
            return null;
        }
        T parsed;
        try {
            parsed = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.problem(e, part);
        }
        if (parsed == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return parsed;
    }
}
