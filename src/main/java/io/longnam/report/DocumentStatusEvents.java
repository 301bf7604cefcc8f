package io.longnam.report;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.document.DocumentStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps {@code document_status_event} current from the document events themselves ({@code document.registered},
 * {@code document.sealed}, … — any {@code document.<status>}), in the changing transaction; the insert's trigger adds
 * each event to the per-day counts of {@code document_daily_summary} that reports read (V20).
 */
@ApplicationScoped
public class DocumentStatusEvents {

    private static final Map<String, DocumentStatus> BY_ACTION = Arrays.stream(DocumentStatus.values())
            .collect(Collectors.toMap(s -> "document." + s.name().toLowerCase(Locale.ROOT), Function.identity()));

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * Runs after the audit observer (a later priority), which holds the organisation's advisory lock until commit: an
     * organisation's summary rows are then added to by one transaction at a time, never waited on crosswise.
     */
    void onDomainEvent(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(Interceptor.Priority.APPLICATION + 1000)
                       DomainEvent event) {
        DocumentStatus entered = "document.registered".equals(event.action()) ? DocumentStatus.REGISTERED
                : BY_ACTION.get(event.action());
        if (entered == null || !"document".equals(event.targetType())) {
            return;
        }
        em.createNativeQuery("""
                        insert into document_status_event (occurred_at, organization_id, document_id, status, document_type,
                                                           input_format, import_channel)
                        select ?1, organization_id, id, ?2, document_type, input_format, import_channel
                        from document where id = ?3""")
                .setParameter(1, clock.now()).setParameter(2, entered.name())
                .setParameter(3, UUID.fromString(event.targetId())).executeUpdate();
    }
}
