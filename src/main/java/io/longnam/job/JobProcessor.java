package io.longnam.job;

import io.longnam.render.Renderer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.ProblemException;
import io.longnam.document.DocumentDtos.DocumentMetadata;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentService.NewContent;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.ImportChannel;
import io.longnam.document.VersionKind;
import io.longnam.job.JobStore.Claimed;
import io.longnam.job.JobStore.JobContext;
import io.longnam.job.JobStore.LeaseLost;
import io.longnam.render.FieldType;
import io.longnam.render.RenderInputException;
import io.longnam.render.RenderOptions;
import io.longnam.render.RenderResult;
import io.longnam.render.TemplateDefinition;
import io.longnam.render.TemplateField;
import io.longnam.signing.SealDtos.SealCommand;
import io.longnam.signing.SealService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes one item's document: render (CPU work, outside any transaction), register (one short transaction that
 * also records the document on the item), then seal when asked (the sealer's own transaction), then DONE.
 * A retried item that already has its document skips straight to the step it had not finished.
 */
@ApplicationScoped
public class JobProcessor {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    Renderer renderer;
    @Inject
    JobStore store;
    @Inject
    DocumentService documents;
    @Inject
    SealService seals;
    @Inject
    ObjectMapper json;
    @Inject
    JobsConfig config;
    @Inject
    io.longnam.workflow.BulkApprovals bulkApprovals;

    /** Processes a claimed batch of one job. The request context lets the services read entities outside transactions. */
    @ActivateRequestContext
    public void process(UUID jobId, List<Claimed> batch) {
        JobContext ctx = store.context(jobId);
        for (Claimed item : batch) {
            try {
                JobStatus status = store.status(jobId);
                if (status.isTerminal()) {
                    store.cancelClaimed(item, status);
                    continue;
                }
                processOne(ctx, item);
            } catch (LeaseLost e) {
                Log.infof("job %s item %d: %s", jobId, item.seq(), e.getMessage());
            } catch (RuntimeException e) {
                transientFailure(item, "internal", "unexpected failure: " + e.getClass().getSimpleName(), e);
            }
        }
        store.finishIfComplete(jobId);
    }

    void processOne(JobContext ctx, Claimed item) {
        if (Job.KIND_PERIOD_PURGE.equals(ctx.kind())) {
            store.purge(ctx, item, purgedDocument(item));
            return;
        }
        if (Job.KIND_WORKFLOW_APPROVAL.equals(ctx.kind())) {
            try {
                bulkApprovals.approve(ctx.caller(), item.input());
            } catch (ProblemException e) {
                settle(item, e);
                return;
            }
            store.complete(item);
            return;
        }
        UUID documentId = item.documentId();
        if (documentId == null) {
            documentId = renderAndRegister(ctx, item);
            if (documentId != null && ctx.options().seal()) {
                sealAndComplete(ctx, item, documentId, true);
            }
            return;
        }
        sealAndComplete(ctx, item, documentId, false);
    }

    private UUID purgedDocument(Claimed item) {
        try {
            return UUID.fromString(json.readTree(item.input()).path("documentId").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("purge items are written by the service as {documentId}", e);
        }
    }

    /**
     * Renders the record and registers the document; without sealing the item is DONE in that same transaction.
     * Answers null when the item failed.
     */
    UUID renderAndRegister(JobContext ctx, Claimed item) {
        Map<String, Object> values;
        RenderResult rendered;
        String templateName;
        try {
            values = json.readValue(item.input(), MAP);
            TemplateDefinition template = renderer.template(ctx.templateId());
            templateName = template.name();
            values = listsFromText(template, values);
            rendered = renderer.render(ctx.templateId(), values, new RenderOptions(
                    new RenderOptions.Source(item.input().getBytes(StandardCharsets.UTF_8), "data.json", "application/json"),
                    template.name(), null, null));
        } catch (RenderInputException e) {
            store.fail(item, e.code().name(), e.getMessage(), errorsJson(e));
            return null;
        } catch (JsonProcessingException e) {
            store.fail(item, "MALFORMED_JSON", "the record is not a JSON object", null);
            return null;
        }
        String ownerRef = ownerRef(ctx, values);
        DocumentMetadata meta = new DocumentMetadata(ownerRef == null ? templateName : templateName + " " + ownerRef, documentType(ctx.templateId()), ownerRef,
                "job:" + ctx.jobId() + ":" + item.seq(), ctx.options().expiresAt(), ctx.options().labels());
        NewContent content = new NewContent(rendered.pdf(), filename(ctx, ownerRef, item.seq()), "application/pdf",
                ctx.inputFormat(), ImportChannel.BULK_JOB, VersionKind.RENDERED);
        try {
            return store.register(ctx, item, content, meta, !ctx.options().seal());
        } catch (ProblemException e) {
            settle(item, e);
            return null;
        }
    }

    /**
     * Seals the item's document unless an earlier attempt already did ({@code fresh}: registered by this attempt, so
     * certainly not sealed yet), then marks the item DONE.
     */
    void sealAndComplete(JobContext ctx, Claimed item, UUID documentId, boolean fresh) {
        if (ctx.options().seal()) {
            try {
                // A retried item may have been sealed before its worker died: seal once only.
                if (fresh || documents.get(ctx.caller(), documentId).status() != DocumentStatus.SEALED) {
                    JobDtos.JobOptions o = ctx.options();
                    seals.seal(ctx.caller(), documentId, new SealCommand(o.keyId(), o.level(), o.reason(), o.location(), null));
                }
            } catch (ProblemException e) {
                settle(item, e);
                return;
            }
        }
        store.complete(item);
    }

    /** Client-visible failures: 503s (TSA, KMS, revocation data) are worth another try; the rest fail the item. */
    private void settle(Claimed item, ProblemException e) {
        String code = e.slug();
        if (e.status() == 503) {
            transientFailure(item, code, e.getMessage(), null);
        } else {
            store.fail(item, code, e.getMessage(), null);
        }
    }

    private void transientFailure(Claimed item, String code, String message, Throwable cause) {
        if (cause != null) {
            Log.warnf(cause, "job %s item %d failed (attempt %d)", item.jobId(), item.seq(), item.attempt());
        }
        try {
            if (item.attempt() >= config.maxAttempts()) {
                store.fail(item, code, message + " (after " + item.attempt() + " attempts)", null);
            } else {
                store.retryLater(item, code, message, config.retryDelay().toSeconds());
            }
        } catch (LeaseLost lost) {
            Log.infof("job %s item %d: %s", item.jobId(), item.seq(), lost.getMessage());
        }
    }

    /**
     * A CSV or xlsx cell cannot hold a list, so a list field (the ปพ.1 courses) may be given as JSON text in its
     * cell, e.g. {@code [{"year":"2566",...}]}. Values that are not JSON lists are left for the validator to refuse.
     */
    private Map<String, Object> listsFromText(TemplateDefinition template, Map<String, Object> values) {
        Map<String, Object> out = null;
        for (TemplateField f : template.fields()) {
            if (f.type() == FieldType.LIST && values.get(f.name()) instanceof String s && s.strip().startsWith("[")) {
                try {
                    Object parsed = json.readValue(s, List.class);
                    if (out == null) {
                        out = new LinkedHashMap<>(values);
                    }
                    out.put(f.name(), parsed);
                } catch (JsonProcessingException e) {
                    throw new RenderInputException(RenderInputException.Code.INVALID_FIELDS, "field " + f.name()
                            + " holds text that is not a JSON list",
                            List.of(new io.longnam.render.FieldError(f.name(), "expected a JSON list of objects")));
                }
            }
        }
        return out == null ? values : out;
    }

    private String errorsJson(RenderInputException e) {
        if (e.fieldErrors().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(e.fieldErrors());
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String ownerRef(JobContext ctx, Map<String, Object> values) {
        String field = ctx.options().ownerRefField();
        Object v = field == null ? null : values.get(field);
        if (v == null || v instanceof Map || v instanceof List) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String filename(JobContext ctx, String ownerRef, int seq) {
        String base = ownerRef == null ? String.valueOf(seq) : ownerRef.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return ctx.templateId() + "-" + base + ".pdf";
    }

    private static DocumentType documentType(String templateId) {
        try {
            return DocumentType.valueOf(templateId);
        } catch (IllegalArgumentException e) {
            return DocumentType.OTHER;
        }
    }
}
