package io.longnam.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.Hashes;
import io.longnam.common.LongnamConfig;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.Uploads;
import io.longnam.document.DocumentDtos.DocumentMetadata;
import io.longnam.document.DocumentDtos.DocumentQuery;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.document.DocumentDtos.FileContent;
import io.longnam.document.DocumentDtos.VersionView;
import io.longnam.identity.Caller;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DocumentService {

    /** New bytes entering the registry, with where they came from. */
    public record NewContent(byte[] data, String filename, String contentType, InputFormat inputFormat,
                             ImportChannel channel, VersionKind kind) {
    }

    /** Outcome of a registration: {@code replayed} when an Idempotency-Key matched an earlier identical request. */
    public record Registration(DocumentView document, boolean replayed) {
    }

    @Inject
    BlobStore blobs;
    @Inject
    OrganizationService organizations;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<DomainEvent> events;
    @Inject
    LongnamConfig config;

    /** Registers an uploaded PDF after checking it is one we can keep and sign. */
    public Registration registerPdf(Caller caller, byte[] data, String filename, DocumentMetadata metadata,
                                    String idempotencyKey, ImportChannel channel) {
        PdfInspector.PdfFacts facts = PdfInspector.inspect(data, PdfInspector.Limits.of(config));
        NewContent content = new NewContent(data, Uploads.filename(filename, "document.pdf"), "application/pdf",
                facts.carriesXml() ? InputFormat.PDF_XML : InputFormat.PDF, channel, VersionKind.ORIGINAL);
        return register(caller, content, metadata, idempotencyKey);
    }

    /** Registers bytes produced by another feature (renderers, imports) for the caller's organisation. */
    public Registration register(Caller caller, NewContent content, DocumentMetadata metadata, String idempotencyKey) {
        return register(caller, content, metadata, idempotencyKey, null, null);
    }

    /**
     * As {@link #register(Caller, NewContent, DocumentMetadata, String)}, for producers whose output depends on
     * the document id (a rendered QR code points at it) or is not reproducible byte for byte: {@code presetId}
     * (a fresh random UUID) becomes the id, and {@code requestFingerprint}, when given, identifies the
     * request for the Idempotency-Key instead of the produced bytes.
     */
    public Registration register(Caller caller, NewContent content, DocumentMetadata metadata, String idempotencyKey,
                                 UUID presetId, String requestFingerprint) {
        DocumentMetadata meta = metadata == null ? DocumentMetadata.empty() : metadata;
        Instant now = clock.now();
        if (meta.expiresAt() != null && !meta.expiresAt().isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "expiresAt must be in the future");
        }
        String sha256 = Hashes.sha256Hex(content.data());
        UUID id = presetId != null ? presetId : UUID.randomUUID();
        if (idempotencyKey != null) {
            String hash = requestFingerprint != null ? requestFingerprint : requestHash(sha256, content, meta);
            UUID earlier = claimIdempotencyKey(caller.organizationId(), idempotencyKey, hash, id, now);
            if (earlier != null) {
                return new Registration(get(caller, earlier), true);
            }
        }
        Organization org = organizations.visible(caller, caller.organizationId());
        Document d = new Document();
        d.id = id;
        d.organizationId = org.id;
        d.title = meta.title() != null ? meta.title() : content.filename();
        d.documentType = meta.documentType() != null ? meta.documentType() : DocumentType.OTHER;
        d.status = DocumentStatus.REGISTERED;
        d.ownerRef = meta.ownerRef();
        d.externalRef = meta.externalRef();
        d.labels = meta.labels() == null ? new String[0] : meta.labels().stream().distinct().toArray(String[]::new);
        d.inputFormat = content.inputFormat();
        d.importChannel = content.channel();
        d.filename = content.filename();
        d.contentType = content.contentType();
        d.originalSha256 = sha256;
        d.expiresAt = meta.expiresAt() != null ? meta.expiresAt()
                : org.defaultRetentionDays == null ? null : now.plus(Duration.ofDays(org.defaultRetentionDays));
        d.createdBy = caller.actor();
        d.createdAt = now;
        d.updatedAt = now;
        DocumentVersion v = storeVersion(d, 1, content.kind(), content.data(), sha256, content.contentType(), caller.actor());
        d.persist();
        v.persist();
        // The view is read (and the rows flushed) before the audit event: recording it takes the organisation's
        // audit lock until commit, so work done after it makes every other writer of the organisation wait longer.
        DocumentView view = view(d);
        events.fire(new DomainEvent(org.id, caller.actor(), "document.registered", "document",
                d.id.toString(), Map.of("sha256", sha256, "inputFormat", d.inputFormat.name(),
                "importChannel", d.importChannel.name(), "status", d.status.name())));
        return new Registration(view, false);
    }

    /**
     * The document an earlier request with this Idempotency-Key created, when its fingerprint matches; 409 when the
     * key was used for a different request; empty when the key is new. Lets costly producers skip their work on a retry.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<DocumentView> replay(Caller caller, String idempotencyKey, String requestFingerprint) {
        if (idempotencyKey == null) {
            return java.util.Optional.empty();
        }
        return earlierRequest(caller.organizationId(), idempotencyKey, requestFingerprint).map(id -> get(caller, id));
    }

    /**
     * Adds a new current version (e.g. the sealed PDF) and moves the document to {@code next}. The earlier
     * versions stay retrievable.
     */
    public DocumentView addVersion(Caller caller, UUID documentId, UUID basedOnVersion, VersionKind kind, byte[] data,
                                   String contentType, DocumentStatus next, Map<String, Object> details) {
        // Racing writers of one document queue on its row; each then sees what the one before it committed. Read
        // locked rather than read and then refreshed under the lock: one read of the row instead of two. A caller the
        // document is not visible to holds the lock only until the 404 below rolls back.
        Document d = em.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        checkVisible(caller, d, documentId);
        if (d.deletedAt != null) {
            throw ProblemException.gone("the document's content was deleted");
        }
        // Work such as sealing happens outside the transaction; refuse its result if the document moved meanwhile.
        if (basedOnVersion != null && !basedOnVersion.equals(d.currentVersionId)) {
            throw concurrentChange(kind);
        }
        requireTransition(d, next);
        // One read of the versions gives both the next sequence number and the answer's version list.
        List<DocumentVersion> versions = DocumentVersion.list("documentId = ?1 order by seq", d.id);
        int seq = versions.isEmpty() ? 1 : versions.getLast().seq + 1;
        String sha256 = Hashes.sha256Hex(data);
        DocumentVersion v = storeVersion(d, seq, kind, data, sha256, contentType, caller.actor());
        v.persist();
        DocumentStatus from = d.status;
        d.status = next;
        d.updatedAt = clock.now();
        return versionAdded(caller, d, versions, v, from, details);
    }

    /**
     * Adds the version made from {@code basis}, which was read outside this transaction while the work (a seal) was
     * done, without reading anything again: one conditional update moves the document only if it is still as read
     * (the same current version and status, not deleted). That update takes the row lock, so racing writers queue on
     * it as they do in the other variant, and the next one finds the document moved and gets the 409.
     */
    public DocumentView addVersion(Caller caller, CurrentContent basis, VersionKind kind, byte[] data, String contentType,
                                   DocumentStatus next, Map<String, Object> details) {
        Document d = basis.document();
        requireTransition(d, next);
        UUID basedOn = d.currentVersionId;
        DocumentStatus from = d.status;
        List<DocumentVersion> versions = basis.versions();
        String sha256 = Hashes.sha256Hex(data);
        // storeVersion points the snapshot at the new version; the statement below is what moves the row.
        DocumentVersion v = storeVersion(d, versions.getLast().seq + 1, kind, data, sha256, contentType, caller.actor());
        d.status = next;
        d.updatedAt = clock.now();
        int moved = em.createQuery("""
                        update Document set currentVersionId = :version, currentSha256 = :sha256,
                            currentSizeBytes = :size, status = :next, updatedAt = :now, version = version + 1
                        where id = :id and currentVersionId = :basedOn and status = :from and deletedAt is null""")
                .setParameter("version", v.id).setParameter("sha256", sha256).setParameter("size", (long) data.length)
                .setParameter("next", next).setParameter("now", d.updatedAt).setParameter("id", d.id)
                .setParameter("basedOn", basedOn).setParameter("from", from).executeUpdate();
        if (moved == 0) {
            throw notMoved(d.id, kind);
        }
        d.version++;
        // After the row lock: the version's (document, seq) is unique, and only the writer holding the lock may take it.
        v.persist();
        return versionAdded(caller, d, versions, v, from, details);
    }

    /** Why a document read outside the transaction could not be moved: erased (410) or changed meanwhile (409). */
    private ProblemException notMoved(UUID documentId, VersionKind kind) {
        Document now = em.find(Document.class, documentId);
        if (now != null && now.deletedAt != null) {
            return ProblemException.gone("the document's content was deleted");
        }
        return concurrentChange(kind);
    }

    private static ProblemException concurrentChange(VersionKind kind) {
        return ProblemException.conflict("concurrent-change", "the document changed while its new "
                + kind.name().toLowerCase(Locale.ROOT) + " version was being made; fetch it and retry");
    }

    /** The answer and the {@code document.<status>} event for a version just added to {@code d}. */
    private DocumentView versionAdded(Caller caller, Document d, List<DocumentVersion> earlier, DocumentVersion v,
                                      DocumentStatus from, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details == null ? Map.of() : details);
        all.put("from", from.name());
        all.put("to", d.status.name());
        all.put("sha256", v.sha256);
        all.put("versionSeq", v.seq);
        // The rows are flushed when the audit event takes the organisation's audit lock (its native query flushes
        // first), so they are written before that lock is held, as when the view was read back from the database.
        DocumentView view = DocumentView.of(d, java.util.stream.Stream.concat(earlier.stream(), java.util.stream.Stream.of(v))
                .map(VersionView::of).toList());
        events.fire(new DomainEvent(d.organizationId, caller.actor(), "document." + d.status.name().toLowerCase(Locale.ROOT),
                "document", d.id.toString(), all));
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /** The current version's bytes, or a given version's ({@code seq}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileContent file(Caller caller, UUID id, Integer seq) {
        return content(visible(caller, id), seq);
    }

    /**
     * The document as it is now, with its versions and the current one's bytes, for work that produces the next
     * version outside a transaction ({@link #addVersion(Caller, CurrentContent, VersionKind, byte[], String,
     * DocumentStatus, Map)} then writes it without reading again).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CurrentContent current(Caller caller, UUID id, DocumentStatus intended) {
        Document d = visible(caller, id);
        requireContent(d);
        requireTransition(d, intended);
        // One read gives the current version's blob, the next sequence number and the answer's version list.
        List<DocumentVersion> versions = DocumentVersion.list("documentId = ?1 order by seq", d.id);
        DocumentVersion current = versions.stream().filter(v -> v.id.equals(d.currentVersionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("version", null));
        // Detached: the snapshot is edited into the answer, and this session must never write it.
        em.detach(d);
        return new CurrentContent(d, versions, blobs.get(current.blobId));
    }

    /** A given version's bytes (e.g. the one an approval chain started from); 404 unless it is the document's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] versionBytes(Caller caller, UUID documentId, UUID versionId) {
        Document d = visible(caller, documentId);
        DocumentVersion v = DocumentVersion.findById(versionId);
        if (v == null || !v.documentId.equals(d.id)) {
            throw ProblemException.notFound("version", versionId);
        }
        return content(d, v.seq).data();
    }

    /** The current version's bytes for the public verification page, which has no caller; 410 once erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] currentBytes(Document d) {
        return content(d, null).data();
    }

    /** The document and its versions as read, and the current version's bytes. */
    public record CurrentContent(Document document, List<DocumentVersion> versions, byte[] data) {
        public UUID organizationId() {
            return document.organizationId;
        }

        public UUID versionId() {
            return document.currentVersionId;
        }
    }

    /** 410 once the document's content was erased, saying why. */
    private static void requireContent(Document d) {
        if (d.deletedAt != null) {
            throw ProblemException.gone("the document's content was deleted (" + d.deletionReason + ")");
        }
    }

    FileContent content(Document d, Integer seq) {
        requireContent(d);
        DocumentVersion v = seq == null ? DocumentVersion.findById(d.currentVersionId)
                : DocumentVersion.<DocumentVersion>find("documentId = ?1 and seq = ?2", d.id, seq).firstResult();
        if (v == null) {
            throw ProblemException.notFound("version", seq);
        }
        return new FileContent(blobs.get(v.blobId), d.filename, v.contentType, v.sha256);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DocumentView> list(Caller caller, DocumentQuery q, String cursor, int limit) {
        StringBuilder where = new StringBuilder(Organization.IN_SUBTREE);
        Map<String, Object> p = new HashMap<>();
        String subtree = caller.organizationPath();
        if (q.organizationId() != null) {
            subtree = organizations.visible(caller, q.organizationId()).path;
        }
        p.put("subtree", Organization.subtree(subtree));
        if (q.status() != null) {
            where.append(" and status = :status");
            p.put("status", q.status());
        } else {
            where.append(" and deletedAt is null");
        }
        if (q.type() != null) {
            where.append(" and documentType = :type");
            p.put("type", q.type());
        }
        if (q.ownerRef() != null) {
            where.append(" and ownerRef = :owner");
            p.put("owner", q.ownerRef());
        }
        if (q.createdFrom() != null) {
            where.append(" and createdAt >= :from");
            p.put("from", q.createdFrom());
        }
        if (q.createdTo() != null) {
            where.append(" and createdAt < :to");
            p.put("to", q.createdTo());
        }
        if (q.label() != null) {
            where.append(" and array_contains(labels, :label)");
            p.put("label", q.label());
        }
        if (!seesRestricted(caller)) {
            where.append(" and (id not in (select r.documentId from DocumentParticipant r)"
                    + " or id in (select r.documentId from DocumentParticipant r where r.actor = :actor))");
            p.put("actor", caller.actor());
        }
        where.append(NewestFirst.after(cursor, p));
        List<Document> rows = Document.<Document>find(where + NewestFirst.ORDER, p).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, d -> new Cursor(d.createdAt, d.id), d -> DocumentView.of(d, null));
    }

    public DocumentView delete(Caller caller, UUID id) {
        Document d = visible(caller, id);
        if (d.deletedAt != null) {
            return view(d);
        }
        purge(d, DocumentStatus.DELETED, "REQUESTED", caller.actor());
        return view(d);
    }

    /**
     * Removes a document's bytes and links and leaves a tombstone row. The bytes are deleted, not hidden, so
     * a purge is real erasure (TOR 2.4).
     */
    void purge(Document d, DocumentStatus terminal, String reason, String actor) {
        requireTransition(d, terminal);
        List<DocumentVersion> versions = DocumentVersion.list("documentId", d.id);
        List<UUID> blobIds = new ArrayList<>();
        for (DocumentVersion v : versions) {
            if (v.blobId != null) {
                blobIds.add(v.blobId);
                v.blobId = null;
            }
        }
        em.flush();
        blobIds.forEach(blobs::delete);
        int links = DownloadLink.update("revokedAt = ?1 where documentId = ?2 and revokedAt is null", clock.now(), d.id);
        DocumentStatus from = d.status;
        d.status = terminal;
        d.deletedAt = clock.now();
        d.deletedBy = actor;
        d.deletionReason = reason;
        d.updatedAt = d.deletedAt;
        events.fire(new DomainEvent(d.organizationId, actor, "document." + terminal.name().toLowerCase(), "document",
                d.id.toString(), Map.of("from", from.name(), "reason", reason, "versionsPurged", blobIds.size(),
                "linksRevoked", links)));
    }

    /**
     * The document if it belongs to the caller's subtree and, once it is in an approval chain, the caller takes part
     * in it or may read the audit trail (auditors, administrators); 404 otherwise, never another tenant's data and
     * never a hint that a restricted document exists. Every document endpoint goes through here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Document visible(Caller caller, UUID id) {
        Document d = Document.findById(id);
        checkVisible(caller, d, id);
        return d;
    }

    /** 404 unless {@code d} (null: not found) is in the caller's subtree and, when restricted, they take part in it. */
    private void checkVisible(Caller caller, Document d, UUID id) {
        if (d == null) {
            throw ProblemException.notFound("document", id);
        }
        Organization o = Organization.findById(d.organizationId);
        if (!caller.reaches(o.path) || !participates(caller, d.id)) {
            throw ProblemException.notFound("document", id);
        }
    }

    /**
     * Restricts the document to its participants (TOR 2.5.8) and adds {@code actors} to them; the caller's own
     * transaction decides, so a workflow and its restriction appear together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addParticipants(UUID documentId, java.util.Collection<String> actors) {
        for (String actor : actors) {
            em.createNativeQuery("insert into document_participant (document_id, actor) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, documentId).setParameter(2, actor).executeUpdate();
        }
    }

    /**
     * Moves the document to {@code next} without a new version (a workflow starting, a rejection, a chain signed
     * off), under the document's row lock, and records it as {@code document.<status>}.
     */
    public DocumentView transition(Caller caller, UUID documentId, DocumentStatus next, Map<String, Object> details) {
        Document d = visible(caller, documentId);
        em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
        requireTransition(d, next);
        DocumentStatus from = d.status;
        d.status = next;
        d.updatedAt = clock.now();
        Map<String, Object> all = new LinkedHashMap<>(details == null ? Map.of() : details);
        all.put("from", from.name());
        all.put("to", next.name());
        DocumentView view = view(d);
        events.fire(new DomainEvent(d.organizationId, caller.actor(), "document." + next.name().toLowerCase(Locale.ROOT),
                "document", d.id.toString(), all));
        return view;
    }

    /** Auditors and administrators (who read the audit trail) see restricted documents of their subtree. */
    private static boolean seesRestricted(Caller caller) {
        return caller.has(io.longnam.identity.Permission.AUDIT_READ);
    }

    private boolean participates(Caller caller, UUID documentId) {
        if (seesRestricted(caller)) {
            return true;
        }
        List<?> actors = em.createNativeQuery("select actor from document_participant where document_id = ?1")
                .setParameter(1, documentId).getResultList();
        return actors.isEmpty() || actors.contains(caller.actor());
    }

    private DocumentVersion storeVersion(Document d, int seq, VersionKind kind, byte[] data, String sha256,
                                         String contentType, String actor) {
        DocumentVersion v = new DocumentVersion();
        v.id = UUID.randomUUID();
        v.documentId = d.id;
        v.organizationId = d.organizationId;
        v.seq = seq;
        v.kind = kind;
        v.blobId = blobs.put(d.organizationId, data, sha256);
        v.sha256 = sha256;
        v.sizeBytes = data.length;
        v.contentType = contentType;
        v.createdBy = actor;
        v.createdAt = clock.now();
        d.currentVersionId = v.id;
        d.currentSha256 = sha256;
        d.currentSizeBytes = data.length;
        return v;
    }

    private DocumentView view(Document d) {
        List<VersionView> versions = DocumentVersion.<DocumentVersion>list("documentId = ?1 order by seq", d.id)
                .stream().map(VersionView::of).toList();
        return DocumentView.of(d, versions);
    }

    static void requireTransition(Document d, DocumentStatus next) {
        if (!d.status.canMoveTo(next)) {
            throw ProblemException.conflict("invalid-state",
                    "a document in state " + d.status + " cannot become " + next);
        }
    }

    /**
     * Claims the key for this request, or returns the document an identical earlier request created. A
     * concurrent request with the same key waits on the row lock, then sees the committed claim.
     */
    private UUID claimIdempotencyKey(UUID org, String key, String requestHash, UUID newId, Instant now) {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "Idempotency-Key must be 1-200 characters");
        }
        int inserted = em.createNativeQuery("insert into idempotency_record (organization_id, idem_key, request_hash, resource_id, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, org).setParameter(2, key).setParameter(3, requestHash).setParameter(4, newId)
                .setParameter(5, now).executeUpdate();
        if (inserted == 1) {
            return null;
        }
        return earlierRequest(org, key, requestHash).orElseThrow();
    }

    /** The document an earlier request under this key created; 409 when that request was a different one. */
    private java.util.Optional<UUID> earlierRequest(UUID org, String key, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, resource_id from idempotency_record where organization_id = ?1 and idem_key = ?2")
                .setParameter(1, org).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (!requestHash.equals(rows.get(0)[0])) {
            throw ProblemException.conflict("idempotency-key-reused", "this Idempotency-Key was used for a different request");
        }
        return java.util.Optional.of((UUID) rows.get(0)[1]);
    }

    private String requestHash(String sha256, NewContent content, DocumentMetadata meta) {
        try {
            String canonical = sha256 + "\n" + content.filename() + "\n" + content.channel() + "\n" + json.writeValueAsString(meta);
            return Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is always serialisable", e);
        }
    }
}
