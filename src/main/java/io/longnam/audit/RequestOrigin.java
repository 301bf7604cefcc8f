package io.longnam.audit;

import io.vertx.core.http.HttpServerRequest;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

/** The client address of the current HTTP request, or null outside one (scheduled jobs, startup). */
@ApplicationScoped
public class RequestOrigin {

    public String clientIp() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        var handle = Arc.container().instance(HttpServerRequest.class);
        try {
            return of(handle.get());
        } catch (RuntimeException notInHttpRequest) {
            return null;
        }
    }

    /** The one definition of a client's address, shared by the audit trail and the access log. */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
