package io.longnam.render;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point of the rendering engine: built-in forms, docx templates, text files and "PDF + XML" in,
 * PDF/A-3 out. Thread-safe; one instance serves all tenants. Every problem with the caller's input is a
 * {@link RenderInputException}.
 */
public final class Renderer {

    public static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private final Clock clock;
    private final Map<String, BuiltInTemplate> templates = new LinkedHashMap<>();

    public Renderer() {
        this(Clock.system(THAILAND));
    }

    /** The clock gives metadata dates and default issue dates; fixed in tests for reproducible output. */
    public Renderer(Clock clock) {
        this.clock = clock;
        for (BuiltInTemplate t : List.of(new Pp1Template(), new Pp2Template(), new LetterTemplate())) {
            templates.put(t.definition().id(), t);
        }
    }

    public List<TemplateDefinition> templates() {
        return templates.values().stream().map(BuiltInTemplate::definition).toList();
    }

    public TemplateDefinition template(String id) {
        return builtIn(id).definition();
    }

    /** Validates {@code data} against the template's fields without rendering. */
    public Values validate(String templateId, Map<String, ?> data) {
        BuiltInTemplate template = builtIn(templateId);
        Values values = new Values(FieldValidator.validate(template.definition().fields(), data));
        List<FieldError> errors = template.check(values);
        if (!errors.isEmpty()) {
            throw FieldValidator.invalid(errors);
        }
        return values;
    }

    public RenderResult render(String templateId, Map<String, ?> data, RenderOptions options) {
        return render(templateId, validate(templateId, data), options);
    }

    /** Renders values that {@link #validate} already checked, so callers that check early do not check twice. */
    public RenderResult render(String templateId, Values values, RenderOptions options) {
        BuiltInTemplate template = builtIn(templateId);
        byte[] pdf = template.render(values, options.qrUrl(), today());
        return PdfA3.convert(pdf, metadata(options, template.definition().name()), attachments(options));
    }

    public RenderResult renderDocx(byte[] docx, Map<String, ?> data, RenderOptions options) {
        return renderDocx(DocxTemplate.prepare(docx), data, options);
    }

    /** A docx template prepared once ({@link DocxTemplate#prepare}) and rendered any number of times. */
    public RenderResult renderDocx(DocxTemplate.Prepared template, Map<String, ?> data, RenderOptions options) {
        byte[] pdf = DocxTemplate.render(template, data == null ? Map.of() : data, options.qrUrl());
        return PdfA3.convert(pdf, metadata(options, "Document"), attachments(options));
    }

    /** A plain text file (UTF-8 or TIS-620) set on A4 pages. */
    public RenderResult renderText(byte[] text, RenderOptions options) {
        String decoded = TextDocument.decode(text);
        if (decoded.isBlank()) {
            throw new RenderInputException(RenderInputException.Code.EMPTY_DOCUMENT, "the text file is empty");
        }
        byte[] pdf = TextDocument.render(decoded);
        return PdfA3.convert(pdf, metadata(options, "Text document"), attachments(options));
    }

    /** The "PDF + XML" input: the XML travels inside the PDF/A-3 as its data. */
    public RenderResult attachXml(byte[] pdf, byte[] xml, String filename, RenderOptions options) {
        DataInputs.xml(xml);
        return PdfA3.attachXml(pdf, xml, filename, metadata(options, filename));
    }

    public byte[] extractAttachment(byte[] pdf, String filename) {
        return PdfA3.extractAttachment(pdf, filename).orElseThrow(() -> new RenderInputException(
                RenderInputException.Code.ATTACHMENT_NOT_FOUND, "the PDF carries no file named " + filename));
    }

    /** Rows of a CSV or xlsx file keyed by its header row; bad rows carry errors instead of failing the file. */
    public List<RowResult> rows(byte[] table, TableInput.Format format) {
        return TableInput.read(table, format);
    }

    public static Map<String, Object> parseJson(byte[] json) {
        return DataInputs.json(json);
    }

    public static Map<String, Object> parseXml(byte[] xml) {
        return DataInputs.xml(xml);
    }

    private BuiltInTemplate builtIn(String id) {
        BuiltInTemplate t = templates.get(id);
        if (t == null) {
            throw new RenderInputException(RenderInputException.Code.UNKNOWN_TEMPLATE,
                    "no template " + id + "; known: " + templates.keySet());
        }
        return t;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private PdfA3.Metadata metadata(RenderOptions options, String defaultTitle) {
        return new PdfA3.Metadata(Objects.requireNonNullElse(options.title(), defaultTitle),
                Objects.requireNonNullElse(options.author(), "longnam"), ZonedDateTime.now(clock).withZoneSameInstant(THAILAND));
    }

    private static List<PdfA3.Attachment> attachments(RenderOptions options) {
        List<PdfA3.Attachment> list = new ArrayList<>();
        RenderOptions.Source s = options.embedSource();
        if (s != null) {
            list.add(new PdfA3.Attachment(s.filename(), s.data(), s.mimeType(), s.relationship(),
                    "Source data of this document"));
        }
        return list;
    }
}
