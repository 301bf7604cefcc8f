package io.longnam.workflow;

import io.longnam.document.DocumentStatus;
import io.longnam.identity.Caller;
import io.longnam.signing.SealDtos.SealCommand;
import io.longnam.signing.SealService;
import io.longnam.workflow.WorkflowDtos.WorkflowView;
import io.longnam.workflow.WorkflowService.Pending;
import io.longnam.workflow.WorkflowService.Recorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * An approval in three parts, so no database transaction is open while the PDF is signed (CPU, key provider, TSA):
 * read what to sign, sign it, then record it in one short transaction that refuses a result made on a step or a
 * version that has moved on. The organisation's seal after the last step is applied the same way by SealService.
 */
@ApplicationScoped
public class ApprovalService {

    @Inject
    WorkflowService workflows;
    @Inject
    ApprovalSigner signer;
    @Inject
    SealService seals;

    public WorkflowView approve(Caller caller, UUID workflowId, UUID imageId, String comment) {
        return approve(caller, workflowId, imageId, comment, null, null);
    }

    /**
     * With {@code round}/{@code step} the approval is for that step only (a bulk item was queued for it): anything
     * else waiting by then answers 409.
     */
    public WorkflowView approve(Caller caller, UUID workflowId, UUID imageId, String comment, Integer round, Integer step) {
        Pending p = workflows.prepareApproval(caller, workflowId, round, step);
        if (p.sealing()) {
            return seal(caller, workflowId, p.documentId());
        }
        ApprovalSigner.Signed signed = signer.sign(p, imageId);
        Recorded r = workflows.recordApproval(caller, p, signed.pdf(), signed.kind(), comment);
        return r.needsSeal() ? seal(caller, workflowId, p.documentId()) : r.view();
    }

    /**
     * The organisation's seal on an approved chain. When it fails (TSA or key provider down) the answer is that
     * failure, the approvals stay recorded, and the workflow waits in SEALING until a chain user approves again.
     */
    private WorkflowView seal(Caller caller, UUID workflowId, UUID documentId) {
        // A retry that finds the seal already made (its recording was interrupted) only records it.
        if (workflows.documentStatus(caller, documentId) == DocumentStatus.APPROVED) {
            seals.seal(caller, documentId, new SealCommand(null, null, "ตราประทับหน่วยงานหลังการอนุมัติครบทุกขั้น", null, null));
        }
        return workflows.recordSealed(caller, workflowId);
    }
}
