package io.longnam.document;

import io.longnam.common.Clock;
import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import io.longnam.document.DocumentDtos.PeriodPurge;
import io.longnam.job.JobDtos.JobView;
import io.longnam.job.JobService;
import io.longnam.identity.Caller;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deletion by expiry date and by period (TOR 2.4.1.2, 2.4.1.3). */
@ApplicationScoped
public class RetentionService {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    @Inject
    DocumentService documents;
    @Inject
    OrganizationService organizations;
    @Inject
    LongnamConfig config;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    JobService jobs;

    @Scheduled(every = "${longnam.retention.purge-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        int total = 0;
        int n;
        do {
            n = purgeExpiredBatch();
            total += n;
        } while (n == config.retention().batchSize());
        forgetOldIdempotencyKeys();
        if (total > 0) {
            Log.infof("retention: purged %d expired documents", total);
        }
    }

    /**
     * One batch of expired documents. {@code skip locked} lets several instances share the work without
     * waiting on each other.
     */
    @Transactional
    public int purgeExpiredBatch() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from document where deleted_at is null and expires_at <= ?1 "
                        + "order by expires_at limit ?2 for update skip locked", UUID.class)
                .setParameter(1, clock.now()).setParameter(2, config.retention().batchSize()).getResultList();
        for (UUID id : ids) {
            documents.purge(Document.findById(id), DocumentStatus.EXPIRED, "EXPIRED", "system:retention");
        }
        return ids.size();
    }

    /**
     * An administrator erases one organisation's documents created within [from, to): checked here, erased by a
     * job, because thousands of documents are too much work for one request and one transaction.
     */
    @Transactional
    public JobView purgePeriod(Caller caller, UUID orgId, PeriodPurge period) {
        Organization org = organizations.visible(caller, orgId);
        if (period == null || period.createdFrom() == null || period.createdTo() == null) {
            throw ProblemException.invalid("createdFrom", "createdFrom and createdTo are required");
        }
        if (!period.createdFrom().isBefore(period.createdTo())) {
            throw ProblemException.invalid("createdTo", "createdTo must be after createdFrom");
        }
        return jobs.submitPeriodPurge(caller, org.id, period.createdFrom(), period.createdTo());
    }

    /** One document of a period-purge job, in the job's transaction; one erased meanwhile is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purgeForJob(UUID documentId, UUID organizationId, String actor) {
        Document d = Document.findById(documentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (d != null && d.organizationId.equals(organizationId) && d.deletedAt == null) {
            documents.purge(d, DocumentStatus.DELETED, "PERIOD_PURGE", actor);
        }
    }

    @Transactional
    void forgetOldIdempotencyKeys() {
        Instant cutoff = clock.now().minus(IDEMPOTENCY_WINDOW);
        em.createNativeQuery("delete from idempotency_record where created_at < ?1").setParameter(1, cutoff).executeUpdate();
    }
}
