package io.longnam.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.longnam.common.Clock;
import io.longnam.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The append-only audit trail. Each organisation has its own hash chain, so organisations never wait on each
 * other's writes while the order inside one organisation stays strict.
 */
@ApplicationScoped
public class AuditService {

    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    RequestOrigin origin;

    /** Records in the changing transaction; if the change rolls back, so does its audit row. */
    void onDomainEvent(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        record(event);
    }

    /**
     * Serialises writers of one organisation's chain until commit, so two rows never share a predecessor. Recording
     * takes it; a transaction that will record after locking rows others lock before recording (a job row, say)
     * takes it first, so both take the locks in one order and never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockChain(UUID organizationId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 7))")
                .setParameter(1, organizationId.toString()).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(DomainEvent event) {
        UUID org = event.organizationId();
        lockChain(org);
        AuditEvent last = AuditEvent.<AuditEvent>find("organizationId = ?1 order by chainSeq desc", org)
                .firstResult();
        AuditEvent row = new AuditEvent();
        row.id = UUID.randomUUID();
        row.organizationId = org;
        row.chainSeq = last == null ? 1 : last.chainSeq + 1;
        row.occurredAt = clock.now();
        row.actor = event.actor();
        row.action = event.action();
        row.targetType = event.targetType();
        row.targetId = event.targetId();
        row.clientIp = origin.clientIp();
        row.details = event.details().isEmpty() ? null : json(event.details());
        row.prevHash = last == null ? GENESIS : last.hash;
        row.hash = hashOf(row);
        row.persist();
        return row;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify(UUID organizationId) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        for (AuditEvent row : AuditEvent.<AuditEvent>find("organizationId = ?1 order by chainSeq", organizationId)
                .list()) {
            if (row.chainSeq != expectedSeq || !row.prevHash.equals(expectedPrev) || !row.hash.equals(hashOf(row))) {
                return new ChainVerification(false, checked, row.chainSeq, row.id);
            }
            expectedPrev = row.hash;
            expectedSeq++;
            checked++;
        }
        return new ChainVerification(true, checked, null, null);
    }

    static String hashOf(AuditEvent row) {
        TreeMap<String, Object> content = new TreeMap<>();
        content.put("id", row.id.toString());
        content.put("organizationId", row.organizationId.toString());
        content.put("chainSeq", row.chainSeq);
        content.put("occurredAt", row.occurredAt.toString());
        content.put("actor", row.actor);
        content.put("action", row.action);
        content.put("targetType", row.targetType);
        content.put("targetId", row.targetId);
        content.put("clientIp", row.clientIp);
        content.put("details", row.details);
        content.put("prevHash", row.prevHash);
        return Hashes.sha256Hex(json(content).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values", e);
        }
    }

    /** Result of walking one organisation's chain; the first broken row is named so an operator can look at it. */
    public record ChainVerification(boolean valid, long checkedEvents, Long brokenAtChainSeq, UUID brokenEventId) {
    }
}
