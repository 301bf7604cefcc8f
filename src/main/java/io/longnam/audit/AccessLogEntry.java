package io.longnam.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One API request as the access log keeps it. Deliberately no body, query string or headers beyond the user agent:
 * those carry tokens, download-link secrets and national ids, and the route template replaces the concrete path
 * for the same reason.
 */
public record AccessLogEntry(UUID id, Instant at, String requestId, String actor, UUID organizationId,
                             String organizationPath, String method, String route, int status, int latencyMs,
                             String clientIp, String userAgent) {
}
