package io.longnam.audit;

import java.util.Map;
import java.util.UUID;

/**
 * A state change somebody made. Fired as a CDI event inside the changing transaction: the audit trail records
 * it in that same transaction (so no change goes unrecorded), and later observers (webhooks) can take it too.
 */
public record DomainEvent(UUID organizationId, String actor, String action, String targetType, String targetId,
                          Map<String, Object> details) {

    public DomainEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
