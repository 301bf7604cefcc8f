package io.longnam.job;

import io.longnam.render.Renderer;
import io.longnam.signing.SealService;
import io.longnam.signing.SignatureLevel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.identity.Role;
import io.longnam.job.JobDtos.ItemError;
import io.longnam.job.JobDtos.JobItemView;
import io.longnam.job.JobDtos.JobOptions;
import io.longnam.job.JobDtos.JobView;
import io.longnam.render.RenderInputException;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Submits, shows and cancels bulk jobs; the work itself is done by {@link JobWorkers}. */
@ApplicationScoped
public class JobService {

    /** Outcome of a submission: {@code replayed} when an Idempotency-Key matched an earlier identical request. */
    public record Submission(JobView job, boolean replayed) {
    }

    private static final int INSERT_BATCH = 500;

    @Inject
    Renderer renderer;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    Event<DomainEvent> events;
    @Inject
    SealService seals;
    @Inject
    JobsConfig config;
    @Inject
    JobStore store;

    /**
     * Stores the job and its items in one transaction, so a job is either wholly submitted or not at all. With an
     * Idempotency-Key, concurrent requests under the same key are serialised by an advisory lock; a repeat of the
     * same request answers the first job, a different request under the key answers 409.
     */
    @Transactional
    Submission submit(Caller caller, String idempotencyKey, JobSource source) {
        UUID org = caller.organizationId();
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw ProblemException.invalid("Idempotency-Key", "Idempotency-Key must be 1-200 characters");
            }
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 11))")
                    .setParameter(1, org + "|" + idempotencyKey).getSingleResult();
            Job earlier = Job.<Job>find("organizationId = ?1 and idempotencyKey = ?2", org, idempotencyKey).firstResult();
            if (earlier != null) {
                source.read(new Discard());
                if (!earlier.requestHash.equals(source.requestHash())) {
                    throw ProblemException.conflict("idempotency-key-reused",
                            "this Idempotency-Key was used for a different request");
                }
                return new Submission(view(earlier), true);
            }
        }
        Instant now = clock.now();
        Job job = queued(caller, org, Job.KIND_RENDER, now);
        job.templateId = "?";
        job.inputFormat = io.longnam.document.InputFormat.TEMPLATE_JSON;
        job.idempotencyKey = idempotencyKey;
        job.persist();
        em.flush();

        ItemWriter writer = new ItemWriter(job.id, now);
        JobSource.Header header = source.read(writer);
        writer.flush();
        JobOptions options = check(caller, header);
        if (writer.count == 0) {
            throw ProblemException.invalid("records", "the job holds no records");
        }
        job.templateId = header.templateId();
        job.inputFormat = header.inputFormat();
        job.options = write(options);
        job.requestHash = source.requestHash();
        job.total = writer.count;
        job.failed = writer.failed;
        if (writer.failed == writer.count) {
            job.status = JobStatus.FAILED;
            job.finishedAt = now;
        }
        events.fire(new DomainEvent(org, caller.actor(), "job.submitted", "job", job.id.toString(),
                Map.of("templateId", job.templateId, "inputFormat", job.inputFormat.name(), "total", job.total,
                        "refused", job.failed, "seal", options.seal())));
        return new Submission(view(job), false);
    }

    /**
     * Queues the erasure of an organisation's documents created within [from, to): one item per document, taken
     * in the same transaction, so the job's scope is fixed at submission and each document is erased (and audited)
     * in its own short transaction by the workers.
     */
    @Transactional
    public JobView submitPeriodPurge(Caller caller, UUID organizationId, Instant from, Instant to) {
        Instant now = clock.now();
        Job job = queued(caller, organizationId, Job.KIND_PERIOD_PURGE, now);
        job.persist();
        em.flush();
        job.total = em.createNativeQuery("""
                        insert into job_item (id, job_id, seq, status, input, attempts, updated_at)
                        select gen_random_uuid(), ?1, row_number() over (order by created_at, id), 'PENDING',
                               jsonb_build_object('documentId', id), 0, ?2
                        from document
                        where organization_id = ?3 and deleted_at is null and created_at >= ?4 and created_at < ?5""")
                .setParameter(1, job.id).setParameter(2, now).setParameter(3, organizationId)
                .setParameter(4, from).setParameter(5, to).executeUpdate();
        if (job.total == 0) {
            job.status = JobStatus.SUCCEEDED;
            job.finishedAt = now;
        }
        events.fire(new DomainEvent(organizationId, caller.actor(), "organization.period-purge-queued", "job",
                job.id.toString(), Map.of("createdFrom", from.toString(), "createdTo", to.toString(),
                        "documents", job.total)));
        return view(job);
    }

    /** An item of a job whose items the submitting feature prepares; with {@code errorCode} it fails at once. */
    public record NewItem(String inputJson, String errorCode, String errorMessage) {
    }

    /**
     * Queues a job of another feature's {@code kind} (e.g. a bulk approval) whose items are ready: stored with the
     * job in one transaction, then worked by the pool like any other; {@code action} names the audit event.
     */
    @Transactional
    public JobView submitItems(Caller caller, String kind, List<NewItem> items, String action, Map<String, Object> details) {
        Instant now = clock.now();
        Job job = queued(caller, caller.organizationId(), kind, now);
        job.persist();
        em.flush();
        ItemWriter writer = new ItemWriter(job.id, now);
        for (NewItem i : items) {
            if (i.errorCode() == null) {
                writer.pending(i.inputJson());
            } else {
                writer.failed(i.inputJson(), i.errorCode(), i.errorMessage(), null);
            }
        }
        writer.flush();
        job.total = writer.count;
        job.failed = writer.failed;
        if (writer.failed == writer.count) {
            job.status = JobStatus.FAILED;
            job.finishedAt = now;
        }
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("total", job.total);
        all.put("refused", job.failed);
        events.fire(new DomainEvent(job.organizationId, caller.actor(), action, "job", job.id.toString(), all));
        return view(job);
    }

    /** A new job of the caller's, not yet stored; it acts later with the caller's name and roles. */
    private static Job queued(Caller caller, UUID organizationId, String kind, Instant now) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.organizationId = organizationId;
        job.kind = kind;
        job.status = JobStatus.QUEUED;
        job.options = "{}";
        job.createdBy = caller.actor();
        job.callerRoles = Role.join(caller.roles());
        job.callerPermissions = Permission.join(caller.permissions());
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** Checks the template and options; records themselves are checked item by item as they are rendered. */
    private JobOptions check(Caller caller, JobSource.Header header) {
        String templateId = header.templateId();
        if (templateId == null || templateId.isBlank()) {
            throw ProblemException.invalid("templateId", "templateId is required");
        }
        try {
            renderer.template(templateId);
        } catch (RenderInputException e) {
            throw ProblemException.invalid("templateId", e.getMessage());
        }
        JobOptions o = header.options();
        Set<ConstraintViolation<JobOptions>> violations = validator.validate(o);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (o.expiresAt() != null && !o.expiresAt().isAfter(clock.now())) {
            throw ProblemException.invalid("expiresAt", "expiresAt must be in the future");
        }
        if (!o.seal() && (o.level() != null || o.keyId() != null)) {
            throw ProblemException.invalid("seal", "level and keyId apply only with seal: true");
        }
        if (o.seal()) {
            if (!caller.has(Permission.DOCUMENT_SEAL)) {
                throw ProblemException.forbidden("sealing the job's documents needs the permission " + Permission.Names.DOCUMENT_SEAL);
            }
            seals.checkCanSeal(caller.organizationId(), o.keyId(), o.level());
        }
        return o;
    }

    @Transactional
    public JobView cancel(Caller caller, UUID id) {
        Job job = visible(caller, id);
        int cancelled = store.end(job, JobStatus.CANCELLED, null, null);
        if (cancelled < 0) {
            if (job.status == JobStatus.CANCELLED) {
                return view(job);
            }
            throw ProblemException.conflict("job-finished", "the job already finished as " + job.status);
        }
        events.fire(new DomainEvent(job.organizationId, caller.actor(), "job.cancelled", "job", id.toString(),
                Map.of("itemsCancelled", cancelled)));
        return view(job);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> list(Caller caller, JobStatus status, String cursor, int limit) {
        StringBuilder where = new StringBuilder(Organization.IN_SUBTREE);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("subtree", Organization.subtree(caller.organizationPath()));
        if (status != null) {
            where.append(" and status = :status");
            p.put("status", status);
        }
        where.append(NewestFirst.after(cursor, p));
        List<Job> rows = Job.<Job>find(where + NewestFirst.ORDER, p).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, j -> new Cursor(j.createdAt, j.id), this::view);
    }

    /** Items in input order; the cursor is the last sequence number seen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobItemView> items(Caller caller, UUID id, ItemStatus status, String cursor, int limit) {
        visible(caller, id);
        int after = cursor == null ? 0 : decodeSeq(cursor);
        List<JobItem> rows = status == null
                ? JobItem.<JobItem>find("jobId = ?1 and seq > ?2 order by seq", id, after).page(0, limit + 1).list()
                : JobItem.<JobItem>find("jobId = ?1 and status = ?2 and seq > ?3 order by seq", id, status, after)
                .page(0, limit + 1).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("seq:" + rows.getLast().seq).getBytes(StandardCharsets.UTF_8));
        }
        return new Page<>(rows.stream().map(this::itemView).toList(), next);
    }

    /** The job if it belongs to the caller's subtree; 404 otherwise, never another tenant's data. */
    Job visible(Caller caller, UUID id) {
        Job job = Job.findById(id);
        if (job == null) {
            throw ProblemException.notFound("job", id);
        }
        Organization o = Organization.findById(job.organizationId);
        if (!caller.reaches(o.path)) {
            throw ProblemException.notFound("job", id);
        }
        return job;
    }

    JobView view(Job j) {
        Double rate = null;
        if (j.startedAt != null) {
            Instant end = j.finishedAt != null ? j.finishedAt : clock.now();
            double seconds = Duration.between(j.startedAt, end).toNanos() / 1e9;
            int settled = j.done + j.failed;
            rate = seconds <= 0 ? null : Math.round(settled / seconds * 100) / 100.0;
        }
        return new JobView(j.id, j.organizationId, j.kind, j.templateId, j.inputFormat, j.status, j.total, j.done,
                j.failed, j.cancelled, Math.max(0, j.total - j.done - j.failed - j.cancelled), read(j.options),
                j.createdBy, j.createdAt, j.startedAt, j.finishedAt, rate);
    }

    JobItemView itemView(JobItem i) {
        List<ItemError> errors = List.of();
        if (i.errorFields != null) {
            try {
                errors = json.readValue(i.errorFields, new TypeReference<List<ItemError>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored item errors are always readable", e);
            }
        }
        return new JobItemView(i.seq, i.status, i.documentId, i.errorCode, i.errorMessage, errors, i.attempts, i.updatedAt);
    }

    JobOptions read(String options) {
        try {
            return json.readValue(options, JobOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job options are always readable", e);
        }
    }

    private String write(JobOptions options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int decodeSeq(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("seq:")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(raw.substring(4));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "cursor is not one this service issued");
        }
    }

    private static final class Discard implements JobSource.ItemSink {
        @Override
        public void pending(String inputJson) {
        }

        @Override
        public void failed(String inputJson, String code, String message, String fieldsJson) {
        }
    }

    /** Inserts items with JDBC batches on the transaction's connection, INSERT_BATCH rows at a time. */
    private final class ItemWriter implements JobSource.ItemSink {
        private final UUID jobId;
        private final Timestamp now;
        private final List<Object[]> buffer = new ArrayList<>();
        int count;
        int failed;

        ItemWriter(UUID jobId, Instant now) {
            this.jobId = jobId;
            this.now = Timestamp.from(now);
        }

        @Override
        public void pending(String inputJson) {
            add(new Object[]{ItemStatus.PENDING.name(), inputJson, null, null, null});
        }

        @Override
        public void failed(String inputJson, String code, String message, String fieldsJson) {
            failed++;
            add(new Object[]{ItemStatus.FAILED.name(), inputJson, code, message, fieldsJson});
        }

        private void add(Object[] row) {
            count++;
            buffer.add(new Object[]{count, row[0], row[1], row[2], row[3], row[4]});
            if (buffer.size() >= INSERT_BATCH) {
                flush();
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement ps = connection.prepareStatement("insert into job_item (id, job_id, seq, status, input, "
                        + "error_code, error_message, error_fields, attempts, updated_at) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, "
                        + "cast(? as jsonb), 0, ?)")) {
                    for (Object[] r : buffer) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, jobId);
                        ps.setInt(3, (Integer) r[0]);
                        ps.setString(4, (String) r[1]);
                        ps.setString(5, (String) r[2]);
                        ps.setString(6, (String) r[3]);
                        ps.setString(7, (String) r[4]);
                        ps.setString(8, (String) r[5]);
                        ps.setTimestamp(9, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            buffer.clear();
        }
    }
}
