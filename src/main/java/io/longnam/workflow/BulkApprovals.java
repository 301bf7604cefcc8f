package io.longnam.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.UserIdentities;
import io.longnam.job.Job;
import io.longnam.job.JobDtos.JobView;
import io.longnam.job.JobService;
import io.longnam.job.JobService.NewItem;
import io.longnam.workflow.WorkflowDtos.BulkApproval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk approval (TOR 2.5.7): one request, one step-up, then a job on the job framework with one item per workflow.
 * Each item names the round and step that waited on the signer at submission. Before signing, an item checks whether
 * that approval is already on record — a worker that died after recording it leaves exactly that — so a resumed job
 * signs nothing twice; the stored version base refuses any other stale result.
 */
@ApplicationScoped
public class BulkApprovals {

    /** What one item approves; written at submission. */
    record Item(UUID workflowId, UUID documentId, int round, int step, UUID imageId, String comment) {
    }

    @Inject
    WorkflowService workflows;
    @Inject
    ApprovalService approvals;
    @Inject
    JobService jobs;
    @Inject
    WorkflowConfig config;
    @Inject
    ObjectMapper json;

    public JobView submit(Caller caller, BulkApproval request) {
        if ((request.workflowIds() == null || request.workflowIds().isEmpty()) == (request.documentType() == null)) {
            throw ProblemException.invalid("workflowIds", "give either workflowIds or documentType");
        }
        if (UserIdentities.userId(caller).isEmpty()) {
            throw ProblemException.forbidden("only a person (logged in through an identity provider) approves workflows");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null
                : io.longnam.common.UserText.clean("comment", request.comment()).strip();
        List<UUID> ids = request.workflowIds() != null && !request.workflowIds().isEmpty()
                ? request.workflowIds().stream().distinct().toList()
                : workflows.waitingOn(caller, request.documentType(), config.maxBulkApproval());
        if (ids.size() > config.maxBulkApproval()) {
            throw ProblemException.invalid("workflowIds", "one bulk approval takes at most " + config.maxBulkApproval()
                    + " workflows");
        }
        if (ids.isEmpty()) {
            throw ProblemException.unprocessable("nothing-to-approve", "no workflow of that type waits on you");
        }
        List<NewItem> items = new ArrayList<>();
        for (UUID id : ids) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("workflowId", id.toString());
            try {
                int[] waiting = workflows.waitingStep(caller, id);
                if (waiting == null) {
                    items.add(new NewItem(write(input), "not-waiting-on-you", "the workflow does not wait on you"));
                    continue;
                }
                Workflow w = Workflow.findById(id);
                items.add(new NewItem(write(new Item(id, w.documentId, waiting[0], waiting[1], request.imageId(), comment)),
                        null, null));
            } catch (ProblemException e) {
                items.add(new NewItem(write(input), e.slug(), e.getMessage()));
            }
        }
        return jobs.submitItems(caller, Job.KIND_WORKFLOW_APPROVAL, items, "workflow.bulk-approval-queued",
                Map.of("workflows", ids.size(), "documentType", String.valueOf(request.documentType())));
    }

    /** One item's work, run by a job worker as the submitter. */
    public void approve(Caller caller, String inputJson) {
        Item item = read(inputJson);
        UUID me = UserIdentities.userId(caller).orElseThrow();
        if (workflows.approved(item.workflowId(), me, item.round(), item.step())) {
            return;
        }
        approvals.approve(caller, item.workflowId(), item.imageId(), item.comment(), item.round(), item.step());
    }

    private Item read(String inputJson) {
        try {
            return json.readValue(inputJson, Item.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulk approval items are written by the service", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
