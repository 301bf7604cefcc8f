package io.longnam.audit;

import io.longnam.common.RequestIds;
import io.longnam.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sees every request from the moment it arrives to the moment its response ends, whoever answers it: JAX-RS,
 * the security layer's 401 or a filter's refusal. The request thread only builds one small record and offers it.
 */
@ApplicationScoped
public class AccessLogFilter {

    static final String ANONYMOUS = "anonymous";
    static final int USER_AGENT_MAX = 200;
    private static final String ROUTE_KEY = "longnam.route-template";
    // Right after the request id is assigned, so every later refusal is logged with it.
    private static final int PRIORITY = 2900;

    @Inject
    AccessLog log;
    @Inject
    CurrentVertxRequest current;

    private final ConcurrentHashMap<Method, String> templates = new ConcurrentHashMap<>();

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            // Health, metrics and the contract are polled by machines, not used by tenants.
            if (!ctx.normalizedPath().startsWith("/q/")) {
                Instant at = Instant.now();
                long started = System.nanoTime();
                ctx.addEndHandler(done -> log.record(entry(ctx, at, started)));
            }
            ctx.next();
        }, PRIORITY);
    }

    /** The matched resource method's template, so the log never holds concrete ids, link tokens or other secrets. */
    @ServerResponseFilter
    public void rememberRoute(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        RoutingContext ctx = current.getCurrent();
        if (method != null && ctx != null) {
            ctx.put(ROUTE_KEY, templates.computeIfAbsent(method, m -> template(resource.getResourceClass(), m)));
        }
    }

    static String template(Class<?> type, Method method) {
        Path outer = type.getAnnotation(Path.class);
        Path inner = method.getAnnotation(Path.class);
        String joined = "/" + (outer == null ? "" : outer.value()) + "/" + (inner == null ? "" : inner.value());
        String template = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    private static AccessLogEntry entry(RoutingContext ctx, Instant at, long started) {
        String actor = ANONYMOUS;
        UUID organizationId = null;
        String organizationPath = null;
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            SecurityIdentity identity = user.getSecurityIdentity();
            actor = identity.getPrincipal().getName();
            organizationId = identity.getAttribute(Caller.ORG_ID_ATTRIBUTE);
            organizationPath = identity.getAttribute(Caller.ORG_PATH_ATTRIBUTE);
        }
        String userAgent = ctx.request().getHeader("User-Agent");
        if (userAgent != null) {
            userAgent = userAgent.replace("\u0000", "");
            userAgent = userAgent.length() > USER_AGENT_MAX ? userAgent.substring(0, USER_AGENT_MAX) : userAgent;
        }
        int latencyMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        return new AccessLogEntry(UUID.randomUUID(), at, RequestIds.of(ctx), actor, organizationId, organizationPath,
                ctx.request().method().name(), ctx.get(ROUTE_KEY), ctx.response().getStatusCode(), latencyMs,
                RequestOrigin.of(ctx.request()), userAgent);
    }
}
