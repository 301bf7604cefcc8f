package io.longnam.workflow;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.UserText;
import io.longnam.document.DocumentType;
import io.longnam.identity.Caller;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import io.longnam.workflow.WorkflowDtos.CreateWorkflowTemplate;
import io.longnam.workflow.WorkflowDtos.StepDefinition;
import io.longnam.workflow.WorkflowDtos.WorkflowTemplateView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * Reusable chains per document type. A template's signers are checked against its organisation when the template is
 * used, since people join and leave meanwhile; a template of an organisation serves the organisations below it too.
 */
@ApplicationScoped
@Transactional
public class WorkflowTemplateService {

    @Inject
    OrganizationService organizations;
    @Inject
    WorkflowService workflows;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public WorkflowTemplateView create(Caller caller, UUID orgId, CreateWorkflowTemplate request) {
        Organization org = organizations.visible(caller, orgId);
        String name = UserText.clean("name", request.name()).strip();
        int seq = 0;
        for (StepDefinition s : request.steps()) {
            seq++;
            int kinds = (s.users() != null && !s.users().isEmpty() ? 1 : 0) + (s.role() != null ? 1 : 0) + (s.groupId() != null ? 1 : 0);
            if (kinds != 1) {
                throw ProblemException.invalid("steps[" + (seq - 1) + "]", "a step names its signers by exactly one of users, role or groupId");
            }
            if (s.role() != null) {
                UserText.clean("steps[" + (seq - 1) + "].role", s.role());
            }
            if (s.position() != null) {
                UserText.clean("steps[" + (seq - 1) + "].position", s.position());
            }
        }
        if (WorkflowTemplate.count("organizationId = ?1 and name = ?2 and retiredAt is null", org.id, name) > 0) {
            throw ProblemException.conflict("duplicate-name", "the organisation already has a workflow template named " + name);
        }
        WorkflowTemplate t = new WorkflowTemplate();
        t.id = UUID.randomUUID();
        t.organizationId = org.id;
        t.name = name;
        t.documentType = request.documentType();
        t.steps = workflows.write(request.steps());
        t.sealAtEnd = Boolean.TRUE.equals(request.sealAtEnd());
        t.createdBy = caller.actor();
        t.createdAt = clock.now();
        t.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "workflow-template.created", "workflow-template",
                t.id.toString(), Map.of("name", t.name, "documentType", t.documentType.name(), "steps", seq)));
        return view(t);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WorkflowTemplateView> list(Caller caller, UUID orgId, DocumentType type, boolean includeRetired) {
        Organization org = organizations.visible(caller, orgId);
        StringBuilder q = new StringBuilder("organizationId = :org");
        Map<String, Object> p = new java.util.HashMap<>(Map.of("org", org.id));
        if (type != null) {
            q.append(" and documentType = :type");
            p.put("type", type);
        }
        if (!includeRetired) {
            q.append(" and retiredAt is null");
        }
        return new Page<>(WorkflowTemplate.<WorkflowTemplate>list(q + " order by name", p).stream().map(this::view).toList(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkflowTemplateView get(Caller caller, UUID orgId, UUID id) {
        return view(owned(caller, orgId, id));
    }

    /** Retires the template: it stays readable and answers 409 to new workflows; running ones are not affected. */
    public void retire(Caller caller, UUID orgId, UUID id) {
        WorkflowTemplate t = owned(caller, orgId, id);
        if (t.retiredAt != null) {
            return;
        }
        t.retiredAt = clock.now();
        events.fire(new DomainEvent(t.organizationId, caller.actor(), "workflow-template.retired", "workflow-template",
                t.id.toString(), Map.of("name", t.name)));
    }

    /** A template the caller may start chains from: its organisation's own or an ancestor's, not retired. */
    static WorkflowTemplate usable(Caller caller, UUID id) {
        WorkflowTemplate t = WorkflowTemplate.findById(id);
        Organization o = t == null ? null : Organization.findById(t.organizationId);
        if (o == null || !(caller.reaches(o.path) || caller.organizationPath().startsWith(o.path))) {
            throw ProblemException.notFound("workflow template", id);
        }
        if (t.retiredAt != null) {
            throw ProblemException.conflict("template-retired", "workflow template " + id + " was retired");
        }
        return t;
    }

    private WorkflowTemplate owned(Caller caller, UUID orgId, UUID id) {
        organizations.visible(caller, orgId);
        WorkflowTemplate t = WorkflowTemplate.findById(id);
        if (t == null || !t.organizationId.equals(orgId)) {
            throw ProblemException.notFound("workflow template", id);
        }
        return t;
    }

    private WorkflowTemplateView view(WorkflowTemplate t) {
        return new WorkflowTemplateView(t.id, t.organizationId, t.name, t.documentType, workflows.readSteps(t.steps),
                t.sealAtEnd, t.createdBy, t.createdAt, t.retiredAt);
    }
}
