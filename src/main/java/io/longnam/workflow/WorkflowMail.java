package io.longnam.workflow;

import io.longnam.common.mail.MailOutbox;
import io.longnam.document.Document;
import io.longnam.identity.Caller;
import io.longnam.identity.User;
import io.longnam.identity.UserIdentities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tells people what a workflow needs of them (TOR 2.5.9): each signer when a step waiting on them starts, the creator
 * when the chain is rejected (with the reason) or completed. Queued in the transaction that causes it, so a rolled
 * back approval sends nothing and a committed one loses no mail. People have no language setting yet: Thai.
 */
@ApplicationScoped
class WorkflowMail {

    private static final Locale THAI = Locale.forLanguageTag("th");

    @Inject
    MailOutbox outbox;

    void stepStarted(Workflow w, List<UUID> signers) {
        Map<String, Object> data = data(w);
        data.put("step", w.currentStep);
        for (UUID id : signers) {
            User u = User.findById(id);
            send(u, "workflow-task", data);
        }
    }

    void rejected(Workflow w, Caller by, String reason) {
        Map<String, Object> data = data(w);
        data.put("reason", reason);
        data.put("rejectedBy", UserIdentities.userId(by).map(id -> User.<User>findById(id)).map(u -> u.name).orElse(by.actor()));
        creator(w).ifPresent(u -> send(u, "workflow-rejected", data));
    }

    void completed(Workflow w) {
        Map<String, Object> data = data(w);
        data.put("sealed", w.sealAtEnd);
        creator(w).ifPresent(u -> send(u, "workflow-completed", data));
    }

    private static java.util.Optional<User> creator(Workflow w) {
        return UserIdentities.userIdOf(w.createdBy).map(id -> User.findById(id));
    }

    private static Map<String, Object> data(Workflow w) {
        Document d = Document.findById(w.documentId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workflowId", w.id.toString());
        data.put("documentTitle", d.title);
        data.put("round", w.round);
        return data;
    }

    /** People whose identity provider gave no address (or was anonymised) get no mail; the task list still shows it. */
    private void send(User u, String template, Map<String, Object> data) {
        if (u == null || u.email == null || u.email.isBlank() || !u.email.contains("@")) {
            return;
        }
        Map<String, Object> personal = new LinkedHashMap<>(data);
        personal.put("name", u.name);
        outbox.enqueue(u.email, template, THAI, personal);
    }
}
