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
            HttpServerRequest request = handle.get();
            return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        } catch (RuntimeException notInHttpRequest) {
            return null;
        }
    }
}
