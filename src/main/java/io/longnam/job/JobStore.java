package io.longnam.job;

import io.longnam.audit.AuditService;
import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.document.DocumentDtos.DocumentMetadata;
import io.longnam.document.DocumentService;
import io.longnam.document.RetentionService;
import io.longnam.document.DocumentService.NewContent;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.identity.Role;
import io.longnam.identity.User;
import io.longnam.identity.UserIdentities;
import io.longnam.identity.UserStatus;
import io.longnam.tenancy.AgencyClient;
import io.longnam.tenancy.ApiKey;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The short transactions of the workers. Every change to a claimed item is fenced by the claim's
 * {@code attempts} value: a worker whose lease expired and whose item was claimed again (attempts moved on) can
 * no longer record anything for it, so a slow worker and its successor never both register a document.
 */
@ApplicationScoped
public class JobStore {

    /** An item as claimed: {@code attempt} is the fencing token for its lease. */
    public record Claimed(UUID id, UUID jobId, int seq, String input, UUID documentId, int attempt) {
    }

    /** What a worker needs to act for a job's submitter. */
    public record JobContext(UUID jobId, String kind, String templateId, io.longnam.document.InputFormat inputFormat,
                             JobDtos.JobOptions options, Caller caller) {
    }

    /** The error code of the items a job did not make because its submitter was withdrawn. */
    public static final String SUBMITTER_REVOKED = "submitter-revoked";

    /** The item is no longer this worker's (lease expired and reclaimed, or cancelled); its result is dropped. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID item) {
            super("lease on job item " + item + " was lost", null, false, false);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    JobsConfig config;
    @Inject
    DocumentService documents;
    @Inject
    JobService jobs;
    @Inject
    Event<DomainEvent> events;
    @Inject
    RetentionService retention;
    @Inject
    AuditService audit;

    /**
     * Jobs with an item to hand out, fairest first: round-robin over organisations (the one whose last claim is
     * oldest, never served first), then over that organisation's jobs the same way, then oldest. So a school's
     * 10-row job is served within a round of another school's 50,000-row one, whichever came first.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> runnableJobs(int limit) {
        return em.createNativeQuery("""
                        select j.id from job j
                        where j.status in ('QUEUED', 'RUNNING')
                          and exists (select 1 from job_item i where i.job_id = j.id and i.status = 'PENDING'
                                      and (i.locked_until is null or i.locked_until <= now()))
                        order by max(j.last_claimed_at) over (partition by j.organization_id) nulls first,
                                 j.last_claimed_at nulls first, j.created_at
                        limit ?1""", UUID.class)
                .setParameter(1, limit).getResultList();
    }

    /**
     * Claims up to {@code n} pending items of a job under a lease. {@code skip locked} lets concurrent claimers
     * (threads or instances) pass over rows another claimer is taking, so no item is handed out twice.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(UUID jobId, int n) {
        Job job = Job.findById(jobId);
        if (job == null || job.status.isTerminal()) {
            return List.of();
        }
        String withdrawn = withdrawal(job.createdBy);
        if (withdrawn != null) {
            stop(job, withdrawn);
            return List.of();
        }
        // The job row before the items, as cancel takes them: a claim holding items while waiting for the job row
        // would deadlock with a cancel holding the job row while waiting for those items.
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        List<Object[]> rows = em.createNativeQuery("""
                        with picked as (
                            select id from job_item
                            where job_id = ?1 and status = 'PENDING' and (locked_until is null or locked_until <= now())
                            order by seq limit ?2 for update skip locked)
                        update job_item i set status = 'RUNNING', attempts = i.attempts + 1,
                            locked_until = now() + make_interval(secs => ?3), updated_at = ?4
                        from picked where i.id = picked.id
                        returning i.id, i.seq, cast(i.input as text), i.document_id, i.attempts""")
                .setParameter(1, jobId).setParameter(2, n).setParameter(3, (double) config.lease().toMillis() / 1000)
                .setParameter(4, clock.now()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // The database's own clock orders claims for the round-robin, whatever the instance's clock says.
        em.createNativeQuery("update job set status = case when status = 'QUEUED' then 'RUNNING' else status end, "
                        + "started_at = coalesce(started_at, ?2), last_claimed_at = clock_timestamp(), "
                        + "updated_at = case when status = 'QUEUED' then ?2 else updated_at end where id = ?1")
                .setParameter(1, jobId).setParameter(2, clock.now()).executeUpdate();
        List<Claimed> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Claimed((UUID) r[0], jobId, ((Number) r[1]).intValue(), (String) r[2], (UUID) r[3],
                    ((Number) r[4]).intValue()));
        }
        out.sort(java.util.Comparator.comparingInt(Claimed::seq));
        return out;
    }

    /**
     * Stops a job whose submitter may no longer act (API key revoked, user or agency client disabled): its pending
     * items are cancelled with the reason and the job ends as SUBMITTER_REVOKED, announced as its end.
     */
    private void stop(Job job, String reason) {
        if (end(job, JobStatus.SUBMITTER_REVOKED, SUBMITTER_REVOKED, reason) < 0) {
            return;
        }
        events.fire(new DomainEvent(job.organizationId, "system:jobs", "job.completed", "job", job.id.toString(),
                Map.of("status", JobStatus.SUBMITTER_REVOKED.name(), "reason", reason, "done", job.done,
                        "failed", job.failed, "cancelled", job.cancelled, "total", job.total)));
    }

    /**
     * Ends a job early: its pending items cancelled (with {@code errorCode} and {@code errorMessage} as their error, when
     * given) and the job in
     * {@code status}, refreshed. Takes the locks in the one order that settling items and cancels share, the audit
     * chain, then the job row, then the items; the other order could deadlock with a worker settling an item.
     * Answers the items cancelled, or -1 when the job had already ended (then it is left as it was, refreshed).
     */
    int end(Job job, JobStatus status, String errorCode, String errorMessage) {
        audit.lockChain(job.organizationId);
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(job);
        if (job.status.isTerminal()) {
            return -1;
        }
        Instant now = clock.now();
        var items = errorCode == null
                ? em.createNativeQuery("update job_item set status = 'CANCELLED', locked_until = null, updated_at = ?2 "
                        + "where job_id = ?1 and status = 'PENDING'")
                : em.createNativeQuery("update job_item set status = 'CANCELLED', locked_until = null, error_code = ?3, "
                                + "error_message = ?4, updated_at = ?2 where job_id = ?1 and status = 'PENDING'")
                        .setParameter(3, errorCode).setParameter(4, errorMessage);
        int cancelled = items.setParameter(1, job.id).setParameter(2, now).executeUpdate();
        em.createNativeQuery("update job set status = ?4, cancelled = cancelled + ?2, finished_at = ?3, updated_at = ?3 "
                        + "where id = ?1")
                .setParameter(1, job.id).setParameter(2, cancelled).setParameter(3, now).setParameter(4, status.name())
                .executeUpdate();
        em.refresh(job);
        return cancelled;
    }

    /** Why {@code actor} (as stored in created_by) may no longer act; null while it may. */
    private static String withdrawal(String actor) {
        if (actor.startsWith(ApiKey.ACTOR_PREFIX)) {
            String prefix = actor.substring(ApiKey.ACTOR_PREFIX.length());
            return ApiKey.count("prefix = ?1 and revokedAt is not null", prefix) > 0
                    ? "the API key " + prefix + " that submitted the job was revoked" : null;
        }
        if (actor.startsWith(AgencyClient.ACTOR_PREFIX)) {
            String clientId = actor.substring(AgencyClient.ACTOR_PREFIX.length());
            return AgencyClient.count("clientId = ?1 and disabledAt is not null", clientId) > 0
                    ? "the agency client " + clientId + " that submitted the job was disabled" : null;
        }
        return UserIdentities.userIdOf(actor).map(id -> User.<User>findById(id))
                .filter(u -> u.status == UserStatus.DISABLED)
                .map(u -> "the user who submitted the job was disabled").orElse(null);
    }

    @Transactional
    public JobContext context(UUID jobId) {
        Job job = Job.findById(jobId);
        Organization org = Organization.findById(job.organizationId);
        return new JobContext(job.id, job.kind, job.templateId, job.inputFormat, jobs.read(job.options),
                caller(job, org));
    }

    /** Jobs queued before permissions were recorded act with what their submitter's built-in roles confer. */
    private static Caller caller(Job job, Organization org) {
        Set<Role> roles = Role.split(job.callerRoles);
        return job.callerPermissions == null ? new Caller(job.createdBy, org.id, org.path, roles)
                : new Caller(job.createdBy, org.id, org.path, roles, Permission.split(job.callerPermissions));
    }

    @Transactional
    public JobStatus status(UUID jobId) {
        return Job.<Job>findByIdOptional(jobId).map(j -> j.status).orElse(JobStatus.CANCELLED);
    }

    /**
     * Registers the rendered document and records it on the item in ONE transaction: either both happen or
     * neither, so after a crash the item either has its document (and a retry reuses it) or there is no
     * document at all. This is why no deterministic Idempotency-Key is needed: the re-render after a crash
     * produces different bytes (PDF/A metadata dates, ids), which the document registry's idempotency check
     * would refuse as a different request, whereas the item row is the exact record of what was made.
     * Without sealing the item is DONE in the same transaction.
     */
    @Transactional
    public UUID register(JobContext ctx, Claimed item, NewContent content, DocumentMetadata metadata, boolean done) {
        Object[] row = lockOwned(item);
        if (row[1] != null) {
            return (UUID) row[1];
        }
        UUID documentId = documents.register(ctx.caller(), content, metadata, null).document().id();
        Instant now = clock.now();
        em.createNativeQuery("update job_item set document_id = ?2, status = ?3, locked_until = case when ?4 then null else locked_until end, "
                        + "updated_at = ?5 where id = ?1")
                .setParameter(1, item.id()).setParameter(2, documentId)
                .setParameter(3, done ? ItemStatus.DONE.name() : ItemStatus.RUNNING.name()).setParameter(4, done)
                .setParameter(5, now).executeUpdate();
        if (done) {
            count(item.jobId(), "done", now);
        }
        return documentId;
    }

    /**
     * Erases the item's document and settles the item in ONE transaction, so a retried item never erases twice and an
     * erased document is never left with an open item.
     */
    @Transactional
    public void purge(JobContext ctx, Claimed item, UUID documentId) {
        lockOwned(item);
        retention.purgeForJob(documentId, ctx.caller().organizationId(), ctx.caller().actor());
        em.createNativeQuery("update job_item set document_id = ?2 where id = ?1")
                .setParameter(1, item.id()).setParameter(2, documentId).executeUpdate();
        close(item, ItemStatus.DONE, "done");
    }

    /** Marks a claimed item DONE (after sealing). */
    @Transactional
    public void complete(Claimed item) {
        close(item, ItemStatus.DONE, "done");
    }

    /** Marks a claimed item FAILED with a machine-readable code; a document already registered stays linked. */
    @Transactional
    public void fail(Claimed item, String code, String message, String fieldsJson) {
        lockOwned(item);
        Instant now = clock.now();
        em.createNativeQuery("update job_item set status = 'FAILED', locked_until = null, error_code = ?2, error_message = ?3, "
                        + "error_fields = cast(?4 as jsonb), updated_at = ?5 where id = ?1")
                .setParameter(1, item.id()).setParameter(2, code).setParameter(3, truncate(message, 2000))
                .setParameter(4, fieldsJson).setParameter(5, now).executeUpdate();
        count(item.jobId(), "failed", now);
    }

    /**
     * A claimed item of a job cancelled or stopped meanwhile, not yet started: it is cancelled rather than made,
     * with the stop's reason when the submitter was withdrawn.
     */
    @Transactional
    public void cancelClaimed(Claimed item, JobStatus jobStatus) {
        if (jobStatus == JobStatus.SUBMITTER_REVOKED) {
            em.createNativeQuery("update job_item set error_code = ?2, error_message = ?3 where id = ?1")
                    .setParameter(1, item.id()).setParameter(2, SUBMITTER_REVOKED)
                    .setParameter(3, "the job was stopped before this item started: its submitter was revoked").executeUpdate();
        }
        close(item, ItemStatus.CANCELLED, "cancelled");
    }

    private void close(Claimed item, ItemStatus status, String counter) {
        lockOwned(item);
        Instant now = clock.now();
        em.createNativeQuery("update job_item set status = ?2, locked_until = null, updated_at = ?3 where id = ?1")
                .setParameter(1, item.id()).setParameter(2, status.name()).setParameter(3, now).executeUpdate();
        count(item.jobId(), counter, now);
    }

    /** Gives a transiently failed item back, to be claimed again after {@code delaySeconds}. */
    @Transactional
    public void retryLater(Claimed item, String code, String message, long delaySeconds) {
        lockOwned(item);
        em.createNativeQuery("update job_item set status = 'PENDING', locked_until = now() + make_interval(secs => ?2), "
                        + "error_code = ?3, error_message = ?4, updated_at = ?5 where id = ?1")
                .setParameter(1, item.id()).setParameter(2, (double) delaySeconds).setParameter(3, code)
                .setParameter(4, truncate(message, 2000)).setParameter(5, clock.now()).executeUpdate();
    }

    /**
     * Crash recovery, run at startup and periodically: items whose lease expired while RUNNING (their worker
     * died or hung) become PENDING again, or FAILED once they used up their attempts (an item that keeps
     * killing its worker must not loop forever). Jobs left with nothing open are then finished.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int reclaimExpiredLeases() {
        Instant now = clock.now();
        int reset = em.createNativeQuery("update job_item set status = 'PENDING', locked_until = null, updated_at = ?1 "
                        + "where status = 'RUNNING' and locked_until < now() and attempts < ?2")
                .setParameter(1, now).setParameter(2, config.maxAttempts()).executeUpdate();
        List<Object[]> abandoned = em.createNativeQuery("update job_item set status = 'FAILED', locked_until = null, "
                        + "error_code = 'abandoned', error_message = 'the item was interrupted ' || attempts || ' times; given up', "
                        + "updated_at = ?1 where status = 'RUNNING' and locked_until < now() and attempts >= ?2 returning job_id, id")
                .setParameter(1, now).setParameter(2, config.maxAttempts()).getResultList();
        for (Object[] r : abandoned) {
            count((UUID) r[0], "failed", now);
        }
        return reset + abandoned.size();
    }

    /** Jobs still QUEUED/RUNNING with no open item left (e.g. their last worker died after settling it). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> stalledJobs() {
        return em.createNativeQuery("select j.id from job j where j.status in ('QUEUED', 'RUNNING') and not exists "
                + "(select 1 from job_item i where i.job_id = j.id and i.status in ('PENDING', 'RUNNING'))", UUID.class).getResultList();
    }

    /**
     * Finishes the job when no item is open. Run after the settling transaction committed: two workers settling
     * the last two items concurrently would each still see the other's item open inside their own transaction.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public JobStatus finishIfComplete(UUID jobId) {
        Instant now = clock.now();
        List<Object[]> rows = em.createNativeQuery("""
                        update job set status = case when failed = 0 then 'SUCCEEDED' when done = 0 then 'FAILED'
                                                     else 'PARTIALLY_FAILED' end,
                                       finished_at = ?2, updated_at = ?2
                        where id = ?1 and status in ('QUEUED', 'RUNNING')
                          and not exists (select 1 from job_item where job_id = ?1 and status in ('PENDING', 'RUNNING'))
                        returning organization_id, status, done, failed, total, created_by""")
                .setParameter(1, jobId).setParameter(2, now).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.getFirst();
        JobStatus status = JobStatus.valueOf((String) r[1]);
        events.fire(new DomainEvent((UUID) r[0], (String) r[5], "job.completed", "job", jobId.toString(),
                Map.of("status", status.name(), "done", r[2], "failed", r[3], "total", r[4])));
        return status;
    }

    /** Locks the item row and checks this claim still owns it; answers {status, document_id}. */
    private Object[] lockOwned(Claimed item) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, document_id, attempts from job_item where id = ?1 for update")
                .setParameter(1, item.id()).getResultList();
        if (rows.isEmpty()) {
            throw new LeaseLost(item.id());
        }
        Object[] row = rows.getFirst();
        if (!ItemStatus.RUNNING.name().equals(row[0]) || ((Number) row[2]).intValue() != item.attempt()) {
            throw new LeaseLost(item.id());
        }
        return row;
    }

    private void count(UUID jobId, String counter, Instant now) {
        em.createNativeQuery("update job set " + counter + " = " + counter + " + 1, updated_at = ?2 where id = ?1")
                .setParameter(1, jobId).setParameter(2, now).executeUpdate();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
