package io.longnam.document;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A document's life. The approval states are here already so the workflow feature adds behaviour, not states.
 * Terminal states keep the row as a tombstone for reports and the audit trail.
 */
public enum DocumentStatus {
    REGISTERED,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    SEALED,
    SIGNED,
    EXPIRED,
    DELETED;

    private static final Map<DocumentStatus, Set<DocumentStatus>> NEXT = Map.of(
            REGISTERED, EnumSet.of(PENDING_APPROVAL, SEALED, SIGNED, EXPIRED, DELETED),
            PENDING_APPROVAL, EnumSet.of(PENDING_APPROVAL, APPROVED, REJECTED, EXPIRED, DELETED),
            APPROVED, EnumSet.of(SEALED, SIGNED, EXPIRED, DELETED),
            REJECTED, EnumSet.of(REGISTERED, PENDING_APPROVAL, EXPIRED, DELETED),
            // Another seal or signature on a signed document is an incremental update, so these loop.
            SEALED, EnumSet.of(SEALED, SIGNED, PENDING_APPROVAL, EXPIRED, DELETED),
            SIGNED, EnumSet.of(SIGNED, SEALED, PENDING_APPROVAL, EXPIRED, DELETED),
            EXPIRED, EnumSet.noneOf(DocumentStatus.class),
            DELETED, EnumSet.noneOf(DocumentStatus.class));

    public boolean canMoveTo(DocumentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }
}
