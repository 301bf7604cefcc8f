package io.longnam.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.audit.DomainEvent;
import io.longnam.common.BoundedCache;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.Hashes;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.common.Uploads;
import io.longnam.document.BlobStore;
import io.longnam.document.DocumentDtos.FileContent;
import io.longnam.document.DocumentType;
import io.longnam.identity.Caller;
import io.longnam.render.TemplateDtos.FieldView;
import io.longnam.render.TemplateDtos.TemplateView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Templates a caller may render with: the built-in forms, plus the docx templates its own organisation and
 * its ancestors uploaded (an area office's letterhead serves its schools). Other organisations' ids answer 404.
 */
@ApplicationScoped
@Transactional
public class TemplateService {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final TypeReference<List<TemplateField>> FIELDS = new TypeReference<>() {
    };

    @Inject
    Renderer renderer;
    @Inject
    BlobStore blobs;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<DomainEvent> events;

    /** What a render needs of a template: its fields and, for docx templates, the prepared docx. */
    public record Resolved(String id, String name, int version, boolean builtIn, List<TemplateField> fields,
                           DocxTemplate.Prepared docx, DocumentType documentType) {
    }

    /** A stored template as renders use it; a version's docx and fields never change once uploaded. */
    private record Ready(List<TemplateField> fields, DocxTemplate.Prepared docx) {
    }

    /**
     * Templates recently rendered, by id and version: without it every render read the docx from the blob store and
     * parsed its field list. Bounded because a docx may be megabytes; the access order keeps the busy ones.
     */
    private static final int READY_TEMPLATES = 32;
    private final Map<String, Ready> ready = BoundedCache.leastRecentlyUsed(READY_TEMPLATES);

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TemplateView> list(Caller caller, String cursor, int limit) {
        List<UUID> lineage = lineage(caller);
        Page<TemplateView> stored = new Page<>(List.of(), null);
        if (!lineage.isEmpty()) {
            Map<String, Object> params = new HashMap<>(Map.of("orgs", lineage));
            List<StoredTemplate> rows = StoredTemplate.<StoredTemplate>find("organizationId in :orgs"
                    + NewestFirst.after(cursor, params) + NewestFirst.ORDER, params).page(0, limit + 1).list();
            stored = NewestFirst.page(rows, limit, t -> new Cursor(t.createdAt, t.id), this::view);
        }
        // The few built-in templates lead the first page and are not counted against the limit.
        List<TemplateView> items = new ArrayList<>();
        if (cursor == null) {
            renderer.templates().forEach(t -> items.add(builtInView(t)));
        }
        items.addAll(stored.items());
        return new Page<>(items, stored.nextCursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView get(Caller caller, String id) {
        if (isBuiltIn(id)) {
            return builtInView(renderer.template(id));
        }
        return view(visible(caller, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FileContent file(Caller caller, String id) {
        if (isBuiltIn(id)) {
            throw ProblemException.notFound("template file", id + " (built-in templates are laid out in code)");
        }
        StoredTemplate t = visible(caller, id);
        String filename = Uploads.filename(t.name + " v" + t.version + ".docx", "template-" + t.id + ".docx");
        return new FileContent(blobs.get(t.blobId), filename, DOCX, t.sha256);
    }

    /** Stores a docx as the next version of {@code name}; its placeholders become the template's fields. */
    public TemplateView upload(Caller caller, String name, byte[] docx) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ProblemException.invalid("name", "name is required, at most 200 characters");
        }
        String cleanName = name.strip();
        // Discovering the fields opens the package, so a broken docx is refused here, not at its first render.
        List<TemplateField> fields = DocxTemplate.fields(docx);
        Integer latest = em.createQuery("select max(version) from StoredTemplate where organizationId = :o and name = :n", Integer.class)
                .setParameter("o", caller.organizationId()).setParameter("n", cleanName).getSingleResult();
        StoredTemplate t = new StoredTemplate();
        t.id = UUID.randomUUID();
        t.organizationId = caller.organizationId();
        t.name = cleanName;
        t.version = latest == null ? 1 : latest + 1;
        t.status = StoredTemplate.Status.ACTIVE;
        t.fieldsJson = write(fields);
        t.sha256 = Hashes.sha256Hex(docx);
        t.blobId = blobs.put(t.organizationId, docx, t.sha256);
        t.sizeBytes = docx.length;
        t.createdBy = caller.actor();
        t.createdAt = clock.now();
        t.persist();
        events.fire(new DomainEvent(t.organizationId, caller.actor(), "template.uploaded", "template", t.id.toString(),
                Map.of("name", t.name, "version", t.version, "sha256", t.sha256, "fields", fields.size())));
        return view(t);
    }

    /** Retired templates stay listed and downloadable (documents were made from them) but render nothing new. */
    public TemplateView retire(Caller caller, String id) {
        if (isBuiltIn(id)) {
            throw ProblemException.conflict("built-in-template", "built-in templates cannot be retired");
        }
        StoredTemplate t = visible(caller, id);
        if (!t.organizationId.equals(caller.organizationId())) {
            throw ProblemException.forbidden("only the organisation that uploaded a template can retire it");
        }
        if (t.status != StoredTemplate.Status.RETIRED) {
            t.status = StoredTemplate.Status.RETIRED;
            t.retiredAt = clock.now();
            t.retiredBy = caller.actor();
            events.fire(new DomainEvent(t.organizationId, caller.actor(), "template.retired", "template", t.id.toString(),
                    Map.of("name", t.name, "version", t.version)));
        }
        return view(t);
    }

    /** The template for a new render; a retired one answers 409. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Resolved forRender(Caller caller, String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.invalid("templateId", "templateId is required");
        }
        if (isBuiltIn(id)) {
            TemplateDefinition d = renderer.template(id);
            return new Resolved(d.id(), d.name(), d.version(), true, d.fields(), null, DocumentType.valueOf(d.id()));
        }
        StoredTemplate t = visible(caller, id);
        if (t.status == StoredTemplate.Status.RETIRED) {
            throw ProblemException.conflict("template-retired", "template " + id + " was retired and cannot render new documents");
        }
        String key = t.id + "@" + t.version;
        Ready r = ready.get(key);
        if (r == null) {
            // Prepared outside the map's lock: two first renders at once may both prepare, and one result stays.
            r = new Ready(read(t.fieldsJson), DocxTemplate.prepare(blobs.get(t.blobId)));
            ready.put(key, r);
        }
        return new Resolved(t.id.toString(), t.name, t.version, false, r.fields(), r.docx(), DocumentType.OTHER);
    }

    private boolean isBuiltIn(String id) {
        return renderer.templates().stream().anyMatch(t -> t.id().equals(id));
    }

    private StoredTemplate visible(Caller caller, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("template", id);
        }
        StoredTemplate t = StoredTemplate.findById(uuid);
        if (t == null || !lineage(caller).contains(t.organizationId)) {
            throw ProblemException.notFound("template", id);
        }
        return t;
    }

    /** The caller's organisation and its ancestors, from the materialised path. */
    private static List<UUID> lineage(Caller caller) {
        return Arrays.stream(caller.organizationPath().split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    }

    private TemplateView builtInView(TemplateDefinition d) {
        return new TemplateView(d.id(), d.name(), d.version(), d.fields().stream().map(FieldView::of).toList(), true,
                StoredTemplate.Status.ACTIVE, DocumentType.valueOf(d.id()), null, null, null);
    }

    private TemplateView view(StoredTemplate t) {
        return new TemplateView(t.id.toString(), t.name, t.version, read(t.fieldsJson).stream().map(FieldView::of).toList(),
                false, t.status, DocumentType.OTHER, t.organizationId.toString(), t.sha256, t.createdAt);
    }

    private String write(List<TemplateField> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template fields are always serialisable", e);
        }
    }

    private List<TemplateField> read(String fieldsJson) {
        try {
            return json.readValue(fieldsJson, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template fields unreadable", e);
        }
    }
}
