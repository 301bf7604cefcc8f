package io.longnam.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.UserText;
import io.longnam.document.Document;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentService.CurrentContent;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.DocumentVersion;
import io.longnam.document.PdfInspector;
import io.longnam.document.VersionKind;
import io.longnam.identity.Caller;
import io.longnam.identity.UserIdentities;
import io.longnam.identity.Permission;
import io.longnam.identity.User;
import io.longnam.render.SignatureAnchors;
import io.longnam.tenancy.Organization;
import io.longnam.workflow.WorkflowDtos.CreateWorkflow;
import io.longnam.workflow.WorkflowDtos.CreateWorkflowBatch;
import io.longnam.workflow.WorkflowDtos.HistoryEntry;
import io.longnam.workflow.WorkflowDtos.Placement;
import io.longnam.workflow.WorkflowDtos.SignerView;
import io.longnam.workflow.WorkflowDtos.StepDefinition;
import io.longnam.workflow.WorkflowDtos.StepView;
import io.longnam.workflow.WorkflowDtos.TaskView;
import io.longnam.workflow.WorkflowDtos.WorkflowBatchView;
import io.longnam.workflow.WorkflowDtos.WorkflowView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Approval chains (TOR 2.5): creation, the view, comments, rejection, resubmission and the two transactions around an
 * approval's signature ({@link #prepareApproval} before, {@link #recordApproval} after; the signing itself is done by
 * {@link ApprovalService} outside any transaction). Every change takes the workflow's row lock first, then the
 * document's (inside {@link DocumentService}), so concurrent actions on one chain queue in one order.
 */
@ApplicationScoped
public class WorkflowService {

    static final TypeReference<List<StepDefinition>> STEPS = new TypeReference<>() {
    };

    @Inject
    DocumentService documents;
    @Inject
    SignerResolver signers;
    @Inject
    WorkflowMail mail;
    @Inject
    WorkflowConfig config;
    @Inject
    LongnamConfig longnam;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Event<DomainEvent> events;

    // ---------------------------------------------------------------- creation

    @Transactional
    public WorkflowView create(Caller caller, CreateWorkflow request) {
        Chain chain = chain(caller, request.templateId(), request.steps(), request.sealAtEnd());
        return start(caller, request.documentId(), chain);
    }

    /** All or none: one refusal rolls every workflow of the batch back. */
    @Transactional
    public WorkflowBatchView createBatch(Caller caller, CreateWorkflowBatch request) {
        List<UUID> ids = request.documentIds().stream().distinct().toList();
        if (ids.size() > config.maxBatch()) {
            throw ProblemException.invalid("documentIds", "a batch holds at most " + config.maxBatch() + " documents");
        }
        Chain chain = chain(caller, request.templateId(), request.steps(), request.sealAtEnd());
        DocumentType type = null;
        List<WorkflowView> out = new ArrayList<>();
        for (UUID id : ids) {
            DocumentType t = documents.visible(caller, id).documentType;
            if (type != null && t != type) {
                throw ProblemException.unprocessable("mixed-document-types", "the documents of a batch must all be of one "
                        + "type; " + id + " is " + t + ", the first is " + type);
            }
            type = t;
            out.add(start(caller, id, chain));
            // Each document's rows are done with; a session growing over the batch makes every later flush (the
            // audit trail's query flushes) check all of them again, and the file bytes are large.
            em.flush();
            em.clear();
        }
        return new WorkflowBatchView(out);
    }

    /** The steps and sealing choice of a request, from a template or given inline. */
    private record Chain(List<StepDefinition> steps, boolean sealAtEnd, WorkflowTemplate template) {
    }

    private Chain chain(Caller caller, UUID templateId, List<StepDefinition> steps, Boolean sealAtEnd) {
        if ((templateId == null) == (steps == null || steps.isEmpty())) {
            throw ProblemException.invalid("steps", "give either templateId or steps");
        }
        if (templateId != null) {
            WorkflowTemplate t = WorkflowTemplateService.usable(caller, templateId);
            return new Chain(readSteps(t.steps), sealAtEnd != null ? sealAtEnd : t.sealAtEnd, t);
        }
        if (steps.size() < 2) {
            throw ProblemException.invalid("steps", "an approval chain has at least two steps");
        }
        return new Chain(steps, Boolean.TRUE.equals(sealAtEnd), null);
    }

    private WorkflowView start(Caller caller, UUID documentId, Chain chain) {
        CurrentContent current = documents.current(caller, documentId, DocumentStatus.PENDING_APPROVAL);
        Document d = documents.visible(caller, documentId);
        if (chain.template() != null && chain.template().documentType != d.documentType) {
            throw ProblemException.unprocessable("template-type-mismatch", "the template is for " + chain.template().documentType
                    + " documents; document " + documentId + " is " + d.documentType);
        }
        if (Workflow.count("documentId", documentId) > 0) {
            throw ProblemException.conflict("workflow-exists", "document " + documentId + " already has a workflow");
        }
        Layout layout = layout(current.data());
        Instant now = clock.now();
        Workflow w = new Workflow();
        w.id = UUID.randomUUID();
        w.organizationId = d.organizationId;
        w.documentId = d.id;
        w.status = Workflow.Status.IN_PROGRESS;
        w.round = 1;
        w.sealAtEnd = chain.sealAtEnd();
        w.templateId = chain.template() == null ? null : chain.template().id;
        w.startVersionId = current.versionId();
        w.createdBy = caller.actor();
        w.createdAt = now;
        w.updatedAt = now;
        w.persist();
        int seq = 0;
        for (StepDefinition def : chain.steps()) {
            seq++;
            signers.check(d.organizationId, def, seq);
            WorkflowStep s = new WorkflowStep();
            s.workflowId = w.id;
            s.seq = seq;
            s.mode = def.mode();
            s.signerUsers = def.users() == null || def.users().isEmpty() ? null : def.users().stream().distinct().toArray(UUID[]::new);
            s.signerRole = def.role() == null ? null : UserText.clean("role", def.role()).strip();
            s.signerGroupId = def.groupId();
            s.placement = write(placement(def.placement(), layout, seq));
            s.position = def.position() == null ? null : UserText.clean("position", def.position()).strip();
            s.status = WorkflowStep.Status.WAITING;
            s.persist();
        }
        em.flush();
        // Users named in the chain see the document from the start; a role's or group's people once their step starts.
        List<String> participants = new ArrayList<>(List.of(caller.actor()));
        chain.steps().stream().filter(def -> def.users() != null).flatMap(def -> def.users().stream())
                .map(UserIdentities::actor).distinct().forEach(participants::add);
        documents.addParticipants(d.id, participants);
        history(w, null, WorkflowEvent.Action.SUBMITTED, caller, null, null, null);
        documents.transition(caller, d.id, DocumentStatus.PENDING_APPROVAL, Map.of("workflowId", w.id.toString()));
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.created", "workflow", w.id.toString(),
                Map.of("documentId", d.id.toString(), "steps", seq, "sealAtEnd", w.sealAtEnd,
                        "templateId", String.valueOf(w.templateId))));
        startStep(caller, w, 1);
        return view(w);
    }

    /** Page sizes (points) and anchors of the PDF a chain starts on, to resolve and check placements. */
    private record Layout(List<float[]> pages, Map<String, SignatureAnchors.Box> anchors) {
    }

    private Layout layout(byte[] pdf) {
        PdfInspector.inspect(pdf, PdfInspector.Limits.of(longnam));
        List<float[]> sizes = new ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                sizes.add(new float[]{page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
            }
        } catch (java.io.IOException e) {
            throw ProblemException.unprocessable("corrupt-pdf", "the document's PDF cannot be read").because(e);
        }
        return new Layout(sizes, SignatureAnchors.read(pdf));
    }

    /** A box on an existing page, or a built-in form's anchor resolved to its box (the name is kept). */
    private static Placement placement(Placement p, Layout layout, int seq) {
        String field = "steps[" + (seq - 1) + "].placement";
        boolean box = p.page() != null || p.x() != null || p.y() != null || p.width() != null || p.height() != null;
        if (p.anchor() != null) {
            if (box) {
                throw ProblemException.invalid(field, "a placement is either an anchor or a box (page, x, y, width, height)");
            }
            SignatureAnchors.Box b = layout.anchors().get(p.anchor());
            if (b == null) {
                throw new ProblemException(422, "unknown-anchor", "Unprocessable content", "the document carries no "
                        + "signature anchor '" + p.anchor() + "'; anchors exist only on documents rendered from a built-in "
                        + "form" + (layout.anchors().isEmpty() ? "" : " (this one has: " + String.join(", ", layout.anchors().keySet()) + ")"),
                        null, Map.of("step", seq));
            }
            return new Placement(b.page(), b.x(), b.y(), b.width(), b.height(), p.anchor());
        }
        if (p.page() == null || p.x() == null || p.y() == null || p.width() == null || p.height() == null) {
            throw ProblemException.invalid(field, "a box placement needs page, x, y, width and height");
        }
        if (p.page() > layout.pages().size()) {
            throw new ProblemException(422, "page-out-of-range", "Unprocessable content", "step " + seq + " places its "
                    + "signatures on page " + p.page() + " of a document with " + layout.pages().size() + " page(s)", null,
                    Map.of("step", seq, "pages", layout.pages().size()));
        }
        float[] size = layout.pages().get(p.page() - 1);
        if (p.x() + p.width() > size[0] || p.y() + p.height() > size[1]) {
            throw new ProblemException(422, "placement-off-page", "Unprocessable content", "step " + seq + "'s box does "
                    + "not fit on page " + p.page() + " (" + size[0] + " × " + size[1] + " points)", null, Map.of("step", seq));
        }
        return p;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkflowView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    /** The workflow's document as it stands, for the chain's users who review it before approving. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public io.longnam.document.DocumentDtos.FileContent file(Caller caller, UUID id) {
        return documents.file(caller, visible(caller, id).documentId, null);
    }

    /** Workflows waiting on the calling person, newest workflow first like every list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> tasks(Caller caller, DocumentType type, String cursor, int limit) {
        if (UserIdentities.userId(caller).isEmpty()) {
            // Only people sign: nothing ever waits on an API key or a client.
            return new Page<>(List.of(), null);
        }
        UUID me = UserIdentities.userId(caller).get();
        StringBuilder q = new StringBuilder("""
                select w, d, s from Workflow w, WorkflowStep s, WorkflowSigner g, Document d
                where s.workflowId = w.id and s.seq = w.currentStep and g.workflowId = w.id and g.seq = w.currentStep
                  and g.userId = :me and g.state = :waiting and w.status = :inProgress and d.id = w.documentId
                  and w.organizationId in (select o.id from Organization o where o.path like :subtree)""");
        Map<String, Object> p = new HashMap<>();
        p.put("me", me);
        p.put("waiting", WorkflowSigner.State.WAITING);
        p.put("inProgress", Workflow.Status.IN_PROGRESS);
        p.put("subtree", Organization.subtree(caller.organizationPath()));
        if (type != null) {
            q.append(" and d.documentType = :type");
            p.put("type", type);
        }
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            q.append(" and (w.createdAt < :cAt or (w.createdAt = :cAt and w.id < :cId))");
            p.put("cAt", c.createdAt());
            p.put("cId", c.id());
        }
        q.append(" order by w.createdAt desc, w.id desc");
        var query = em.createQuery(q.toString(), Object[].class);
        p.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        String next = rows.size() > limit ? new Cursor(((Workflow) rows.get(limit - 1)[0]).createdAt,
                ((Workflow) rows.get(limit - 1)[0]).id).encode() : null;
        List<TaskView> items = rows.stream().limit(limit).map(r -> {
            Workflow w = (Workflow) r[0];
            Document d = (Document) r[1];
            WorkflowStep s = (WorkflowStep) r[2];
            return new TaskView(w.id, d.id, d.documentType, d.title, s.seq, w.round, s.startedAt);
        }).toList();
        return new Page<>(items, next);
    }

    /** The ids of workflows waiting on the person for a document type, for bulk approval. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> waitingOn(Caller caller, DocumentType type, int max) {
        return em.createQuery("""
                        select w.id from Workflow w, WorkflowSigner g, Document d
                        where g.workflowId = w.id and g.seq = w.currentStep and g.userId = :me and g.state = :waiting
                          and w.status = :inProgress and d.id = w.documentId and d.documentType = :type
                          and w.organizationId in (select o.id from Organization o where o.path like :subtree)
                        order by w.createdAt, w.id""", UUID.class)
                .setParameter("me", person(caller)).setParameter("waiting", WorkflowSigner.State.WAITING)
                .setParameter("inProgress", Workflow.Status.IN_PROGRESS).setParameter("type", type)
                .setParameter("subtree", Organization.subtree(caller.organizationPath()))
                .setMaxResults(max + 1).getResultList();
    }

    // ---------------------------------------------------------------- comments, rejection, resubmission

    @Transactional
    public HistoryEntry comment(Caller caller, UUID id, String text) {
        Workflow w = locked(caller, id);
        if (!isChainUser(w, caller) && !caller.actor().equals(w.createdBy) && !caller.has(Permission.ORGANIZATION_SETTINGS)) {
            throw ProblemException.forbidden("only the chain's users, its creator and administrators comment on a workflow");
        }
        WorkflowEvent e = history(w, w.currentStep, WorkflowEvent.Action.COMMENTED, caller,
                UserText.clean("text", text).strip(), null, null);
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.commented", "workflow", w.id.toString(),
                Map.of("round", w.round, "step", String.valueOf(w.currentStep))));
        return entry(e, names(List.of(e)));
    }

    @Transactional
    public WorkflowView reject(Caller caller, UUID id, String reason) {
        Workflow w = locked(caller, id);
        WorkflowSigner me = waitingSigner(w, caller);
        String why = UserText.clean("reason", reason).strip();
        Instant now = clock.now();
        me.state = WorkflowSigner.State.REJECTED;
        me.actedAt = now;
        WorkflowSigner.update("state = ?1 where workflowId = ?2 and seq = ?3 and state = ?4", WorkflowSigner.State.NOT_NEEDED,
                w.id, w.currentStep, WorkflowSigner.State.WAITING);
        WorkflowStep step = WorkflowStep.findById(new WorkflowStep.Key(w.id, w.currentStep));
        step.status = WorkflowStep.Status.REJECTED;
        int at = w.currentStep;
        w.status = Workflow.Status.REJECTED;
        w.currentStep = null;
        w.updatedAt = now;
        history(w, at, WorkflowEvent.Action.REJECTED, caller, why, null, null);
        documents.transition(caller, w.documentId, DocumentStatus.REJECTED, Map.of("workflowId", w.id.toString(), "step", at));
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.rejected", "workflow", w.id.toString(),
                Map.of("round", w.round, "step", at, "reason", why)));
        mail.rejected(w, caller, why);
        return view(w);
    }

    /**
     * The creator restarts a rejected chain at step 1 (round + 1): on a new file, or without one on the version the
     * chain started from, which comes back as a new current version so the rejected round's signatures are not in it.
     */
    @Transactional
    public WorkflowView resubmit(Caller caller, UUID id, byte[] pdf, String comment) {
        Workflow w = locked(caller, id);
        if (!caller.actor().equals(w.createdBy)) {
            throw ProblemException.forbidden("only the workflow's creator resubmits it");
        }
        if (w.status != Workflow.Status.REJECTED) {
            throw ProblemException.conflict("not-rejected", "only a rejected workflow is resubmitted; this one is " + w.status);
        }
        byte[] content = pdf;
        if (content == null) {
            content = documents.versionBytes(caller, w.documentId, w.startVersionId);
        }
        Layout layout = layout(content);
        List<WorkflowStep> steps = steps(w.id);
        for (WorkflowStep s : steps) {
            Placement p = read(s.placement);
            Placement again = p.anchor() != null ? new Placement(null, null, null, null, null, p.anchor()) : p;
            s.placement = write(placement(again, layout, s.seq));
            s.status = WorkflowStep.Status.WAITING;
            s.startedAt = null;
        }
        WorkflowSigner.delete("workflowId", w.id);
        documents.addVersion(caller, w.documentId, null, VersionKind.ORIGINAL, content, "application/pdf",
                DocumentStatus.PENDING_APPROVAL, Map.of("workflowId", w.id.toString(), "resubmitted", true,
                        "newFile", pdf != null));
        Document d = documents.visible(caller, w.documentId);
        w.startVersionId = d.currentVersionId;
        w.round++;
        w.status = Workflow.Status.IN_PROGRESS;
        w.updatedAt = clock.now();
        history(w, null, WorkflowEvent.Action.RESUBMITTED, caller,
                comment == null || comment.isBlank() ? null : UserText.clean("comment", comment).strip(), null,
                versionSeq(d.currentVersionId));
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.resubmitted", "workflow", w.id.toString(),
                Map.of("round", w.round, "newFile", pdf != null)));
        startStep(caller, w, 1);
        return view(w);
    }

    // ---------------------------------------------------------------- approval

    /**
     * What an approval needs to sign, read without holding anything: the step waiting on the caller, the current
     * version and its bytes, and the caller's box. {@link #recordApproval} checks all of it again under the lock.
     */
    public record Pending(UUID workflowId, UUID organizationId, UUID documentId, int round, int step, boolean lastStep,
                          boolean sealing, UUID userId, String signerName, String position, Placement box,
                          UUID versionId, byte[] pdf) {
    }

    // A transaction of its own (read only in effect): entities read without one stay in the request's session, and
    // the later steps of the approval, in the same request, must not see them as they were before it.
    @Transactional
    public Pending prepareApproval(Caller caller, UUID id, Integer expectedRound, Integer expectedStep) {
        Workflow w = visible(caller, id);
        UUID me = person(caller);
        if (w.status == Workflow.Status.SEALING && isChainUser(w, caller)) {
            return new Pending(w.id, w.organizationId, w.documentId, w.round, 0, true, true, me, null, null, null, null, null);
        }
        if (expectedRound != null && (expectedRound != w.round || !Objects.equals(expectedStep, w.currentStep))) {
            throw stepMovedOn(w);
        }
        WorkflowSigner signer = waitingSigner(w, caller);
        WorkflowStep step = WorkflowStep.findById(new WorkflowStep.Key(w.id, w.currentStep));
        long total = WorkflowStep.count("workflowId", w.id);
        long inStep = WorkflowSigner.count("workflowId = ?1 and seq = ?2", w.id, step.seq);
        Placement whole = read(step.placement);
        // With mode ALL every signer gets an equal slice of the box, side by side, so no signature covers another.
        Placement box = step.mode == WorkflowStep.Mode.ALL && inStep > 1
                ? new Placement(whole.page(), whole.x() + signer.position * whole.width() / inStep, whole.y(),
                whole.width() / inStep, whole.height(), whole.anchor())
                : whole;
        Document d = documents.visible(caller, w.documentId);
        User u = User.findById(me);
        return new Pending(w.id, w.organizationId, w.documentId, w.round, step.seq, step.seq == total, false, me,
                u.name, step.position, box, d.currentVersionId, documents.file(caller, d.id, null).data());
    }

    /** After an approval committed: whether the organisation's seal is still to be applied. */
    public record Recorded(WorkflowView view, boolean needsSeal) {
    }

    /**
     * Stores the signed version and the approval under the workflow's lock: refused with 409 when the step moved on,
     * the caller no longer waits on it, or the document changed since {@code pending} was read.
     */
    @Transactional
    public Recorded recordApproval(Caller caller, Pending pending, byte[] signed, SignatureKind kind, String comment) {
        Workflow w = locked(caller, pending.workflowId());
        if (w.status != Workflow.Status.IN_PROGRESS || w.round != pending.round()
                || !Objects.equals(w.currentStep, pending.step())) {
            throw stepMovedOn(w);
        }
        WorkflowSigner me = waitingSigner(w, caller);
        WorkflowStep step = WorkflowStep.findById(new WorkflowStep.Key(w.id, w.currentStep));
        Instant now = clock.now();
        me.state = WorkflowSigner.State.APPROVED;
        me.signatureKind = kind;
        me.actedAt = now;
        em.flush();
        boolean stepDone = step.mode == WorkflowStep.Mode.ANY
                || WorkflowSigner.count("workflowId = ?1 and seq = ?2 and state = ?3", w.id, step.seq,
                WorkflowSigner.State.WAITING) == 0;
        boolean chainDone = stepDone && pending.lastStep();
        Map<String, Object> details = Map.of("workflowId", w.id.toString(), "step", step.seq, "round", w.round,
                "signatureKind", kind.name());
        documents.addVersion(caller, w.documentId, pending.versionId(), VersionKind.SIGNED, signed, "application/pdf",
                chainDone ? DocumentStatus.APPROVED : DocumentStatus.PENDING_APPROVAL, details);
        Document d = documents.visible(caller, w.documentId);
        if (comment != null && !comment.isBlank()) {
            history(w, step.seq, WorkflowEvent.Action.COMMENTED, caller, UserText.clean("comment", comment).strip(), null, null);
        }
        history(w, step.seq, WorkflowEvent.Action.APPROVED, caller, null, kind, versionSeq(d.currentVersionId));
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.step-approved", "workflow",
                w.id.toString(), Map.of("round", w.round, "step", step.seq, "signatureKind", kind.name(),
                        "stepComplete", stepDone)));
        w.updatedAt = now;
        if (!stepDone) {
            return new Recorded(view(w), false);
        }
        step.status = WorkflowStep.Status.APPROVED;
        WorkflowSigner.update("state = ?1 where workflowId = ?2 and seq = ?3 and state = ?4", WorkflowSigner.State.NOT_NEEDED,
                w.id, step.seq, WorkflowSigner.State.WAITING);
        if (!chainDone) {
            startStep(caller, w, step.seq + 1);
            return new Recorded(view(w), false);
        }
        w.currentStep = null;
        if (w.sealAtEnd) {
            w.status = Workflow.Status.SEALING;
            return new Recorded(view(w), true);
        }
        documents.transition(caller, w.documentId, DocumentStatus.SIGNED, Map.of("workflowId", w.id.toString()));
        complete(caller, w);
        return new Recorded(view(w), false);
    }

    /** The document's status as committed now, read in a transaction of its own (see {@link #prepareApproval}). */
    @Transactional
    public DocumentStatus documentStatus(Caller caller, UUID documentId) {
        return documents.visible(caller, documentId).status;
    }

    /** After the organisation's seal landed on an approved chain. */
    @Transactional
    public WorkflowView recordSealed(Caller caller, UUID id) {
        Workflow w = locked(caller, id);
        if (w.status != Workflow.Status.SEALING) {
            return view(w);
        }
        Document d = documents.visible(caller, w.documentId);
        history(w, null, WorkflowEvent.Action.SEALED, caller, null, null, versionSeq(d.currentVersionId));
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.sealed", "workflow", w.id.toString(),
                Map.of("round", w.round)));
        complete(caller, w);
        return view(w);
    }

    /** Whether this person's approval of that step in that round is on record (bulk approval resumes with it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean approved(UUID workflowId, UUID userId, int round, int step) {
        return WorkflowEvent.count("workflowId = ?1 and userId = ?2 and round = ?3 and step = ?4 and action = ?5",
                workflowId, userId, round, step, WorkflowEvent.Action.APPROVED) > 0;
    }

    /** The round and step now waiting on the person, or null when none does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int[] waitingStep(Caller caller, UUID id) {
        Workflow w = visible(caller, id);
        UUID me = person(caller);
        if (w.status != Workflow.Status.IN_PROGRESS || WorkflowSigner.count("workflowId = ?1 and seq = ?2 and userId = ?3 and state = ?4",
                w.id, w.currentStep, me, WorkflowSigner.State.WAITING) == 0) {
            return null;
        }
        return new int[]{w.round, w.currentStep};
    }

    private void complete(Caller caller, Workflow w) {
        w.status = Workflow.Status.COMPLETED;
        w.updatedAt = clock.now();
        history(w, null, WorkflowEvent.Action.COMPLETED, caller, null, null, null);
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.completed", "workflow", w.id.toString(),
                Map.of("round", w.round, "sealed", w.sealAtEnd)));
        mail.completed(w);
    }

    private static ProblemException stepMovedOn(Workflow w) {
        return ProblemException.conflict("step-moved-on", "the workflow moved on while the approval was being made (it is "
                + w.status + (w.currentStep == null ? "" : " at step " + w.currentStep) + ", round " + w.round
                + "); fetch it and retry if it still waits on you");
    }

    // ---------------------------------------------------------------- steps

    /** Starts step {@code seq}: resolves its signers now, lets them see the document and tells them by mail. */
    private void startStep(Caller caller, Workflow w, int seq) {
        WorkflowStep step = WorkflowStep.findById(new WorkflowStep.Key(w.id, seq));
        List<UUID> users = signers.resolve(w.organizationId, step.signerUsers == null ? null : List.of(step.signerUsers),
                step.signerRole, step.signerGroupId);
        Instant now = clock.now();
        WorkflowSigner.delete("workflowId = ?1 and seq = ?2", w.id, seq);
        int position = 0;
        for (UUID u : users) {
            WorkflowSigner s = new WorkflowSigner();
            s.workflowId = w.id;
            s.seq = seq;
            s.userId = u;
            s.position = position++;
            s.state = WorkflowSigner.State.WAITING;
            s.persist();
        }
        step.status = WorkflowStep.Status.ACTIVE;
        step.startedAt = now;
        w.currentStep = seq;
        w.updatedAt = now;
        documents.addParticipants(w.documentId, users.stream().map(UserIdentities::actor).toList());
        history(w, seq, WorkflowEvent.Action.STEP_STARTED, caller, null, null, null);
        events.fire(new DomainEvent(w.organizationId, caller.actor(), "workflow.step-started", "workflow", w.id.toString(),
                Map.of("round", w.round, "step", seq, "signers", users.stream().map(UUID::toString).toList())));
        mail.stepStarted(w, users);
    }

    // ---------------------------------------------------------------- helpers

    /** The workflow if the caller may see its document (TOR 2.5.8); otherwise the same 404 as for another tenant. */
    Workflow visible(Caller caller, UUID id) {
        Workflow w = Workflow.findById(id);
        if (w == null) {
            throw ProblemException.notFound("workflow", id);
        }
        try {
            documents.visible(caller, w.documentId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("workflow", id);
        }
        return w;
    }

    private Workflow locked(Caller caller, UUID id) {
        Workflow w = visible(caller, id);
        em.refresh(w, LockModeType.PESSIMISTIC_WRITE);
        return w;
    }

    private static UUID person(Caller caller) {
        return UserIdentities.userId(caller).orElseThrow(() -> ProblemException.forbidden(
                "only a person (logged in through an identity provider) takes part in approval chains"));
    }

    private static WorkflowSigner waitingSigner(Workflow w, Caller caller) {
        UUID me = person(caller);
        if (w.status != Workflow.Status.IN_PROGRESS) {
            throw ProblemException.conflict("workflow-not-in-progress", "the workflow is " + w.status + "; nothing waits on you");
        }
        WorkflowSigner s = WorkflowSigner.findById(new WorkflowSigner.Key(w.id, w.currentStep, me));
        if (s == null || s.state != WorkflowSigner.State.WAITING) {
            throw ProblemException.conflict("not-waiting-on-you", "step " + w.currentStep + " of the workflow does not wait"
                    + " on you" + (s == null ? "" : " (you already " + s.state.name().toLowerCase(java.util.Locale.ROOT) + ")"));
        }
        return s;
    }

    private static boolean isChainUser(Workflow w, Caller caller) {
        return UserIdentities.userId(caller).map(u -> WorkflowSigner.count("workflowId = ?1 and userId = ?2", w.id, u) > 0
                || WorkflowStep.<WorkflowStep>list("workflowId", w.id).stream()
                .anyMatch(s -> s.signerUsers != null && List.of(s.signerUsers).contains(u))).orElse(false);
    }

    private WorkflowEvent history(Workflow w, Integer step, WorkflowEvent.Action action, Caller caller, String text,
                                  SignatureKind kind, Integer versionSeq) {
        Long last = em.createQuery("select max(e.atSeq) from WorkflowEvent e where e.workflowId = :w", Long.class)
                .setParameter("w", w.id).getSingleResult();
        WorkflowEvent e = new WorkflowEvent();
        e.id = UUID.randomUUID();
        e.workflowId = w.id;
        e.atSeq = last == null ? 1 : last + 1;
        e.round = w.round;
        e.step = step;
        e.action = action;
        e.actor = caller.actor();
        e.userId = UserIdentities.userId(caller).orElse(null);
        e.text = text;
        e.signatureKind = kind;
        e.versionSeq = versionSeq;
        e.createdAt = clock.now();
        e.persist();
        return e;
    }

    private static Integer versionSeq(UUID versionId) {
        DocumentVersion v = DocumentVersion.findById(versionId);
        return v == null ? null : v.seq;
    }

    static List<WorkflowStep> steps(UUID workflowId) {
        return WorkflowStep.list("workflowId = ?1 order by seq", workflowId);
    }

    WorkflowView view(Workflow w) {
        Document d = Document.findById(w.documentId);
        List<WorkflowSigner> allSigners = WorkflowSigner.list("workflowId = ?1 order by seq, position", w.id);
        List<WorkflowEvent> events = WorkflowEvent.list("workflowId = ?1 order by atSeq", w.id);
        Set<UUID> people = allSigners.stream().map(s -> s.userId).collect(Collectors.toSet());
        events.stream().map(e -> e.userId).filter(Objects::nonNull).forEach(people::add);
        Map<UUID, String> names = names(people);
        List<StepView> steps = steps(w.id).stream().map(s -> new StepView(s.seq, s.mode,
                s.signerUsers == null ? null : List.of(s.signerUsers), s.signerRole, s.signerGroupId, read(s.placement),
                s.position, s.status, allSigners.stream().filter(g -> g.seq == s.seq)
                .map(g -> new SignerView(g.userId, names.get(g.userId), g.state, g.signatureKind, g.actedAt)).toList())).toList();
        return new WorkflowView(w.id, w.organizationId, w.documentId, d.documentType, d.title, d.status, w.status,
                w.currentStep, w.round, w.sealAtEnd, w.templateId, steps,
                events.stream().map(e -> entry(e, names)).toList(), w.createdBy, w.createdAt, w.updatedAt);
    }

    private static Map<UUID, String> names(List<WorkflowEvent> events) {
        return names(events.stream().map(e -> e.userId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    private static Map<UUID, String> names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> out = new LinkedHashMap<>();
        User.<User>list("id in ?1", ids).forEach(u -> out.put(u.id, u.name));
        return out;
    }

    private static HistoryEntry entry(WorkflowEvent e, Map<UUID, String> names) {
        return new HistoryEntry(e.atSeq, e.round, e.step, e.action, e.actor, e.userId,
                e.userId == null ? null : names.get(e.userId), e.text, e.signatureKind, e.versionSeq, e.createdAt);
    }

    List<StepDefinition> readSteps(String stored) {
        try {
            return json.readValue(stored, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored steps are always readable", e);
        }
    }

    private Placement read(String stored) {
        try {
            return json.readValue(stored, Placement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored placements are always readable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
