package io.longnam.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies past {@code quarkus.http.limits.max-body-size} are refused by Vert.x before any JAX-RS code runs, with an
 * empty 413. A filter ahead of Quarkus's own check gives a declared Content-Length over the limit our problem body
 * instead. A chunked body that only grows past the limit while being read still gets the framework's empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    // Filters run in route order -priority; Quarkus's own check is at order -2.
    private static final int AHEAD_OF_QUARKUS = 1000;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;
    @Inject
    ObjectMapper json;

    void declared(@Observes Filters filters) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length, limit)) {
                // The body is left unread, so the connection cannot carry another request.
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                refuse(ctx, limit);
            } else {
                ctx.next();
            }
        }, AHEAD_OF_QUARKUS);
    }

    private static boolean declaredOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext ctx, long limit) {
        Problem problem = ProblemException.tooLarge(limit).toProblem(ctx.request().path());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            problem = problem.with("requestId", requestId);
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
