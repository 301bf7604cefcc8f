package io.longnam.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.Hashes;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Problem;
import io.longnam.common.ProblemException;
import io.longnam.document.DocumentDtos.DocumentMetadata;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.document.DocumentService;
import io.longnam.document.DocumentService.NewContent;
import io.longnam.document.DocumentService.Registration;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.ImportChannel;
import io.longnam.document.InputFormat;
import io.longnam.document.PdfInspector;
import io.longnam.document.VersionKind;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.render.RenderDtos.BatchResult;
import io.longnam.render.RenderDtos.RenderSettings;
import io.longnam.render.RenderDtos.RowError;
import io.longnam.signing.SealDtos.SealCommand;
import io.longnam.signing.SealService;
import io.longnam.signing.SignatureLevel;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns template + data, text files, tables and "PDF + XML" into registered PDF/A-3 documents (TOR 2.2, 2.6.2),
 * optionally sealed. Rendering and sealing run outside database transactions; each document is registered in its
 * own. Input the engine refuses fails before anything is registered.
 */
@ApplicationScoped
public class RenderService {

    @Inject
    Renderer renderer;
    @Inject
    TemplateService templates;
    @Inject
    DocumentService documents;
    @Inject
    SealService seals;
    @Inject
    LongnamConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /** Field data for a template, and the XML it came from when it came as XML. */
    public record TemplateInput(Map<String, Object> data, byte[] xml) {
    }

    /** Where the template comes from: a template id, or a docx sent along with the request. */
    public record TemplateRef(String templateId, byte[] inlineDocx) {
    }

    public Registration renderTemplate(Caller caller, TemplateRef ref, TemplateInput input, RenderSettings settings,
                                       String idempotencyKey, String fingerprint) {
        RenderSettings s = settings == null ? RenderSettings.defaults() : settings;
        SignatureLevel level = level(s);
        Optional<Registration> earlier = replay(caller, s, level, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (s.signXml() && (input.xml() == null || !s.embed())) {
            throw ProblemException.invalid("signEmbeddedXml", "signEmbeddedXml needs XML data that is embedded (send data as XML, embedSource true)");
        }
        checkSealing(caller, s, level);
        TemplateService.Resolved template = resolve(caller, ref);
        Map<String, Object> data = input.data() == null ? Map.of() : input.data();
        Values checked = validate(template, data);
        DocumentMetadata meta = metadata(s, template.name(), template.documentType());
        RenderOptions.Source source = s.embed() ? source(caller, input, s, level) : null;
        InputFormat format = template.builtIn() ? (input.xml() != null ? InputFormat.TEMPLATE_XML : InputFormat.TEMPLATE_JSON)
                : (input.xml() != null ? InputFormat.DOCX_XML : InputFormat.DOCX_JSON);
        String filename = filename(template.name());
        return produce(caller, s, level, idempotencyKey, fingerprint, meta, format, filename, qr -> {
            return render(template, checked, data, new RenderOptions(source, meta.title(), author(caller), qr));
        });
    }

    /** A plain text file (UTF-8 or TIS-620) set on A4 pages. */
    public Registration renderText(Caller caller, byte[] text, String filename, RenderSettings settings,
                                   String idempotencyKey, String fingerprint) {
        RenderSettings s = settings == null ? RenderSettings.defaults() : settings;
        SignatureLevel level = level(s);
        Optional<Registration> earlier = replay(caller, s, level, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        refuseXmlSigning(s);
        checkSealing(caller, s, level);
        DocumentMetadata meta = metadata(s, filename, DocumentType.OTHER);
        RenderOptions.Source source = s.embed() ? new RenderOptions.Source(text, "source.txt", "text/plain") : null;
        return produce(caller, s, level, idempotencyKey, fingerprint, meta, InputFormat.TEXT, pdfName(filename),
                qr -> renderer.renderText(text, new RenderOptions(source, meta.title(), author(caller), qr)).pdf());
    }

    /** "PDF + XML": the XML (XAdES-signed first when asked) travels inside the PDF/A-3 as its data. */
    public Registration attachXml(Caller caller, byte[] pdf, String pdfFilename, byte[] xml, String xmlFilename,
                                  RenderSettings settings, String idempotencyKey, String fingerprint) {
        RenderSettings s = settings == null ? RenderSettings.defaults() : settings;
        SignatureLevel level = level(s);
        Optional<Registration> earlier = replay(caller, s, level, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkSealing(caller, s, level);
        PdfInspector.inspect(pdf, PdfInspector.Limits.of(config));
        Renderer.parseXml(xml);
        byte[] embedded = s.signXml() ? seals.signXml(caller.organizationId(), xml, level) : xml;
        DocumentMetadata meta = metadata(s, pdfFilename, DocumentType.OTHER);
        String attachmentName = xmlFilename != null && xmlFilename.matches("[A-Za-z0-9._-]{1,100}\\.xml") ? xmlFilename : "data.xml";
        return produce(caller, s, level, idempotencyKey, fingerprint, meta, InputFormat.PDF_XML, pdfName(pdfFilename),
                qr -> renderer.attachXml(pdf, embedded, attachmentName, new RenderOptions(null, meta.title(), author(caller), qr)).pdf());
    }

    /** One document per valid row of a CSV/xlsx file through a template; refused rows are reported, not fatal. */
    public BatchResult renderTable(Caller caller, TemplateRef ref, byte[] table, TableInput.Format format,
                                   RenderSettings settings, String idempotencyKey, String fingerprint) {
        RenderSettings s = settings == null ? RenderSettings.defaults() : settings;
        SignatureLevel level = level(s);
        refuseXmlSigning(s);
        checkSealing(caller, s, level);
        TemplateService.Resolved template = resolve(caller, ref);
        DocumentMetadata meta = metadata(s, template.name(), template.documentType());
        InputFormat inputFormat = format == TableInput.Format.CSV ? InputFormat.CSV : InputFormat.XLSX;
        List<RowResult> rows = renderer.rows(table, format);
        String author = author(caller);
        List<DocumentView> items = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (RowResult row : rows) {
            if (!row.ok()) {
                errors.add(rowError(row.line(), row.code(), row.errors()));
                continue;
            }
            String rowKey = idempotencyKey == null ? null : idempotencyKey + "#" + row.line();
            String rowFingerprint = Hashes.sha256Hex((fingerprint + "#" + row.line()).getBytes(StandardCharsets.UTF_8));
            Optional<Registration> earlier = replay(caller, s, level, rowKey, rowFingerprint);
            if (earlier.isPresent()) {
                items.add(earlier.get().document());
                continue;
            }
            try {
                Values checked = validate(template, row.values());
                RenderOptions.Source source = s.embed()
                        ? new RenderOptions.Source(toJson(row.values()), "data.json", "application/json") : null;
                items.add(produce(caller, s, level, rowKey, rowFingerprint, meta, inputFormat, filename(template.name()), qr -> {
                    return render(template, checked, row.values(), new RenderOptions(source, meta.title(), author, qr));
                }).document());
            } catch (RenderInputException e) {
                errors.add(rowError(row.line(), e.code(), e.fieldErrors().isEmpty()
                        ? List.of(new FieldError("row", e.getMessage())) : e.fieldErrors()));
            }
        }
        if (items.isEmpty()) {
            List<Problem.FieldError> all = errors.stream().flatMap(e -> e.errors().stream()
                    .map(f -> new Problem.FieldError("line " + e.line() + ": " + f.field(), f.message()))).toList();
            throw new ProblemException(422, "no-valid-rows", "Unprocessable content",
                    "no row of the table could be rendered (" + errors.size() + " refused)", all,
                    Map.of("rowErrors", errors));
        }
        return new BatchResult(items, errors);
    }

    private Registration produce(Caller caller, RenderSettings s, SignatureLevel level, String idempotencyKey,
                                 String fingerprint, DocumentMetadata meta, InputFormat format, String filename,
                                 Function<String, byte[]> render) {
        // The QR code points at the public verification page of this very document, so the id comes first.
        UUID id = UUID.randomUUID();
        byte[] pdf = render.apply(verificationUrl(id));
        Registration r = documents.register(caller, new NewContent(pdf, filename, "application/pdf", format,
                ImportChannel.API, VersionKind.RENDERED), meta, idempotencyKey, id, fingerprint);
        return sealIfAsked(caller, r, s, level);
    }

    /**
     * The earlier outcome of a retried request. If the earlier attempt registered but failed to seal (TSA down),
     * the retry completes the seal rather than answering an unsealed document.
     */
    private Optional<Registration> replay(Caller caller, RenderSettings s, SignatureLevel level, String idempotencyKey,
                                          String fingerprint) {
        return documents.replay(caller, idempotencyKey, fingerprint)
                .map(d -> sealIfAsked(caller, new Registration(d, true), s, level));
    }

    private Registration sealIfAsked(Caller caller, Registration r, RenderSettings s, SignatureLevel level) {
        if (!s.sealed() || r.document().status() != DocumentStatus.REGISTERED) {
            return r;
        }
        DocumentView sealed = seals.seal(caller, r.document().id(), new SealCommand(null, s.level(), null, null, null));
        return new Registration(sealed, r.replayed());
    }

    private void checkSealing(Caller caller, RenderSettings s, SignatureLevel level) {
        if (s.sealed() && !caller.has(Permission.DOCUMENT_SEAL)) {
            throw ProblemException.forbidden("sealing needs the permission " + Permission.Names.DOCUMENT_SEAL);
        }
        if (s.sealed() || s.signXml()) {
            seals.checkCanSeal(caller.organizationId(), null, level);
        }
    }

    private static void refuseXmlSigning(RenderSettings s) {
        if (s.signXml()) {
            throw ProblemException.invalid("signEmbeddedXml", "signEmbeddedXml applies to XML data and to PDF + XML only");
        }
    }

    private static SignatureLevel level(RenderSettings s) {
        return s.level();
    }

    private TemplateService.Resolved resolve(Caller caller, TemplateRef ref) {
        if (ref.inlineDocx() != null) {
            DocxTemplate.Prepared docx = DocxTemplate.prepare(ref.inlineDocx());
            return new TemplateService.Resolved(null, "Document", 0, false, docx.fields(), docx, DocumentType.OTHER);
        }
        return templates.forRender(caller, ref.templateId());
    }

    /** Checks data against the template's fields; for a built-in template, the checked values it renders. */
    private Values validate(TemplateService.Resolved template, Map<String, ?> data) {
        if (template.builtIn()) {
            return renderer.validate(template.id(), data);
        }
        FieldValidator.validate(template.fields(), data);
        return null;
    }

    private byte[] render(TemplateService.Resolved template, Values checked, Map<String, ?> data, RenderOptions options) {
        return template.builtIn() ? renderer.render(template.id(), checked, options).pdf()
                : renderer.renderDocx(template.docx(), data, options).pdf();
    }

    private RenderOptions.Source source(Caller caller, TemplateInput input, RenderSettings s, SignatureLevel level) {
        if (input.xml() != null) {
            byte[] xml = s.signXml() ? seals.signXml(caller.organizationId(), input.xml(), level) : input.xml();
            return new RenderOptions.Source(xml, "data.xml", "application/xml");
        }
        return new RenderOptions.Source(toJson(input.data()), "data.json", "application/json");
    }

    private DocumentMetadata metadata(RenderSettings s, String defaultTitle, DocumentType defaultType) {
        DocumentMetadata meta = new DocumentMetadata(s.title() != null ? s.title() : defaultTitle,
                s.documentType() != null ? s.documentType() : defaultType, s.ownerRef(), s.externalRef(), s.expiresAt(),
                s.labels());
        Set<ConstraintViolation<DocumentMetadata>> violations = validator.validate(meta);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return meta;
    }

    private String verificationUrl(UUID id) {
        return config.publicUrl("/v/" + id);
    }

    private static String author(Caller caller) {
        Organization org = Organization.findById(caller.organizationId());
        return org == null ? null : org.name;
    }

    private static RowError rowError(int line, RenderInputException.Code code, List<FieldError> errors) {
        return new RowError(line, code == null ? null : code.name(),
                errors.stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }

    private static String filename(String templateName) {
        String base = templateName == null ? "document" : templateName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (base.isEmpty() ? "document" : base) + ".pdf";
    }

    private static String pdfName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "document.pdf";
        }
        int dot = filename.lastIndexOf('.');
        return filename(dot > 0 ? filename.substring(0, dot) : filename);
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("render data is always serialisable", e);
        }
    }

    /** Identifies a request for its Idempotency-Key: the same inputs give the same fingerprint. */
    public String fingerprint(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p instanceof byte[] b ? Hashes.sha256Hex(b) : p == null ? "-" : p instanceof String str ? str
                    : new String(toJson(p), StandardCharsets.UTF_8)).append('\n');
        }
        return Hashes.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
