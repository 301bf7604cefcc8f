package io.longnam.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its response carries in {@code X-Request-Id}, its problem answers as
 * {@code requestId}, its error log lines and its access-log row, so one id links what a client saw to what we logged.
 * A caller's own id is kept when it is short and plain, so it can correlate with its logs; anything else could smuggle
 * line breaks or markup into our logs and is replaced.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "longnam.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    // Ahead of every other filter (BodyLimit is at 1000), so even refusals before JAX-RS carry the id.
    static final int PRIORITY = 3000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = accepted(ctx.request().getHeader(HEADER));
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        }, PRIORITY);
    }

    static String accepted(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String of(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(KEY);
    }

    /** The current request's id, or null outside an HTTP request (scheduled jobs, startup). */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            return of(Arc.container().instance(CurrentVertxRequest.class).get().getCurrent());
        } catch (RuntimeException notInHttpRequest) {
            return null;
        }
    }
}
