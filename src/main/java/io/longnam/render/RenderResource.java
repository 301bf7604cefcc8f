package io.longnam.render;

import io.longnam.common.JsonBodies;
import io.longnam.common.LongnamConfig;
import io.longnam.common.ProblemException;
import io.longnam.common.Uploads;
import io.longnam.common.UserText;
import io.longnam.document.DocumentDtos.DocumentView;
import io.longnam.document.DocumentService.Registration;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.render.RenderDtos.BatchResult;
import io.longnam.render.RenderDtos.RenderRequest;
import io.longnam.render.RenderDtos.RenderSettings;
import io.longnam.render.RenderService.TemplateInput;
import io.longnam.render.RenderService.TemplateRef;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

@Path("/api/v1/renders")
@Tag(name = "Renders")
@SecurityRequirement(name = "apiKey")
public class RenderResource {

    @Inject
    RenderService service;
    @Inject
    CurrentCaller caller;
    @Inject
    LongnamConfig config;
    @Inject
    JsonBodies bodies;

    /** The multipart forms of the file renders, one per operation, described for the OpenAPI document. */
    @Schema(name = "RenderFilesUpload", description = "A docx template for this render only, with its field data.")
    public static class FilesUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The docx with {{field}} placeholders")
        public String template;
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "Field data: application/json or application/xml")
        public String data;
        @Schema(description = OPTIONS)
        public String options;
    }

    @Schema(name = "RenderDataUpload", description = "A built-in or uploaded template by id, with field data as a JSON or XML file.")
    public static class DataUpload {
        @Schema(required = true, description = "Id of a built-in (PP1, PP2, LETTER) or uploaded template")
        public String templateId;
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "Field data: application/json or application/xml")
        public String data;
        @Schema(description = OPTIONS)
        public String options;
    }

    @Schema(name = "RenderTextUpload", description = "A plain UTF-8 text, typeset as a Thai document.")
    public static class TextUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "text/plain")
        public String file;
        @Schema(description = OPTIONS)
        public String options;
    }

    @Schema(name = "RenderPdfXmlUpload", description = "A PDF made PDF/A-3 with the XML embedded (PDF + XML).")
    public static class PdfXmlUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "application/pdf")
        public String file;
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The XML to embed")
        public String xml;
        @Schema(description = OPTIONS)
        public String options;
    }

    @Schema(name = "RenderBatchUpload", description = "A table, one document per row through a template.")
    public static class BatchUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "text/csv or xlsx; the header row names the template's fields")
        public String file;
        @Schema(required = true, description = "Id of a built-in (PP1, PP2, LETTER) or uploaded template")
        public String templateId;
        @Schema(description = OPTIONS)
        public String options;
    }

    private static final String OPTIONS = "JSON text of RenderSettings: embedSource, seal, level, signEmbeddedXml and document metadata";
    private static final String OUTPUT = "Output is PDF/A-3, registered as a document whose QR code points at its public "
            + "verification page `/v/{id}`. With `seal` the document is sealed with the organisation's default key (needs "
            + "the SIGNER role). Engine refusals answer 422 with a `code` (MALFORMED_DOCX, XML_DTD_FORBIDDEN, ...), 415 for "
            + "an unsupported file type; nothing is registered then. An Idempotency-Key makes retries safe.";
    private static final String CREATED = "Rendered and registered";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRender", summary = "Render a document from a template and JSON data",
            description = "The data is validated against the template's fields (400 lists every field error). " + OUTPUT)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The engine cannot use the content (`code`: MALFORMED_DOCX, IMAGE_TOO_LARGE, …)")
    @APIResponse(responseCode = "404", description = "No such template")
    public Response renderJson(@Valid @NotNull RenderRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey,
                               @Context UriInfo uri) {
        String fingerprint = service.fingerprint("json", request.templateId(), request.data(), request.settings());
        Registration r = service.renderTemplate(caller.get(), new TemplateRef(request.templateId(), null),
                new TemplateInput(request.data(), null), request.settings(), idempotencyKey, fingerprint);
        return created(r, uri);
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRenderFromFiles", summary = "Render an uploaded docx template with a JSON or XML data file",
            description = "The template is used for this render only (upload it with uploadTemplate to keep it). "
                    + "`signEmbeddedXml` XAdES-signs XML data before it is embedded. " + OUTPUT)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = FilesUpload.class)))
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The engine cannot use the content (`code`: MALFORMED_DOCX, XML_DTD_FORBIDDEN, …)")
    public Response renderFiles(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Context UriInfo uri) {
        Parts parts = new Parts(form, "template", "data", "options");
        parts.requiredBytes("data");
        return fromTemplate(parts, null, parts.requiredBytes("template"), idempotencyKey, uri);
    }

    @POST
    @Path("data")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRenderFromData", summary = "Render a template by id with a JSON or XML data file",
            description = "`signEmbeddedXml` XAdES-signs XML data before it is embedded. " + OUTPUT)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = DataUpload.class)))
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The engine cannot use the content (`code`: XML_DTD_FORBIDDEN, MALFORMED_XML, …)")
    @APIResponse(responseCode = "404", description = "No such template")
    public Response renderData(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                               @Context UriInfo uri) {
        Parts parts = new Parts(form, "templateId", "data", "options");
        parts.requiredBytes("data");
        return fromTemplate(parts, parts.requiredText("templateId"), null, idempotencyKey, uri);
    }

    @POST
    @Path("text")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRenderFromText", summary = "Render a plain text file as a Thai document", description = OUTPUT)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = TextUpload.class)))
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The engine cannot use the content (`code`)")
    public Response renderTextFile(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                   @Context UriInfo uri) {
        Parts parts = new Parts(form, "file", "options");
        parts.requiredBytes("file");
        return fromFile(parts, Set.of("text"), idempotencyKey, uri);
    }

    @POST
    @Path("pdf-xml")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRenderFromPdfAndXml", summary = "Make a PDF PDF/A-3 with an XML file embedded",
            description = "`signEmbeddedXml` XAdES-signs the XML before it is embedded. " + OUTPUT)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = PdfXmlUpload.class)))
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "422", description = "The engine cannot use the content (`code`: XML_DTD_FORBIDDEN, …) or the PDF is too complex")
    public Response renderPdfXml(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @Context UriInfo uri) {
        Parts parts = new Parts(form, "file", "xml", "options");
        parts.requiredBytes("file");
        parts.requiredBytes("xml");
        return fromFile(parts, Set.of("pdf"), idempotencyKey, uri);
    }

    @POST
    @Path("batches")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "createRenderBatch", summary = "Render one document per row of a CSV or xlsx table",
            description = "Answers `{items, errors}`: one document per valid row, refused rows (formula cells, field errors) by "
                    + "line; 422 when no row is valid. For large tables submit a bulk job instead. " + OUTPUT)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = BatchUpload.class)))
    @APIResponse(responseCode = "201", description = "The rows rendered and registered, and the rows refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "422", description = "No row is valid (`no-valid-rows`, `rowErrors[]`) or the table cannot be read (`code`)")
    @APIResponse(responseCode = "404", description = "No such template")
    public Response renderBatch(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Context UriInfo uri) {
        Parts parts = new Parts(form, "file", "templateId", "options");
        parts.requiredBytes("file");
        parts.requiredText("templateId");
        return fromFile(parts, Set.of("csv", "xlsx"), idempotencyKey, uri);
    }

    /**
     * The multipart form on the JSON path, from before each kind of upload had its own operation: it takes any of the
     * combinations above and answers a document or, for a table, a BatchResult. Kept for existing callers.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @Operation(hidden = true)
    public Response renderMultipart(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                    @Context UriInfo uri) {
        Parts parts = new Parts(form);
        if (parts.one("file") != null) {
            return fromFile(parts, Set.of("text", "pdf", "csv", "xlsx"), idempotencyKey, uri);
        }
        return fromTemplate(parts, parts.text("templateId"), parts.bytes("template"), idempotencyKey, uri);
    }

    /** A {@code file} part of one of the {@code accepted} kinds: text, PDF + XML, or a table (a BatchResult). */
    private Response fromFile(Parts parts, Set<String> accepted, String idempotencyKey, UriInfo uri) {
        RenderSettings settings = settings(parts.text("options"));
        String templateId = parts.text("templateId");
        byte[] inlineDocx = parts.bytes("template");
        FormValue file = parts.one("file");
        String kind = kind(file, accepted);
        byte[] bytes = parts.bytes("file");
        FormValue xml = parts.one("xml");
        byte[] xmlBytes = parts.bytes("xml");
        String fingerprint = service.fingerprint("file", templateId, inlineDocx, bytes, xmlBytes, settings);
        return switch (kind) {
            case "text" -> created(service.renderText(caller.get(), bytes, Uploads.filename(file.getFileName(), null),
                    settings, idempotencyKey, fingerprint), uri);
            case "pdf" -> {
                if (xml == null) {
                    throw ProblemException.invalid("xml", "a PDF is rendered together with an 'xml' part (PDF + XML); "
                            + "register a plain PDF with POST /api/v1/documents");
                }
                yield created(service.attachXml(caller.get(), bytes, Uploads.filename(file.getFileName(), null), xmlBytes,
                        Uploads.filename(xml.getFileName(), null), settings, idempotencyKey, fingerprint), uri);
            }
            default -> {
                requireTemplate(templateId, inlineDocx);
                BatchResult batch = service.renderTable(caller.get(), new TemplateRef(templateId, inlineDocx), bytes,
                        kind.equals("csv") ? TableInput.Format.CSV : TableInput.Format.XLSX, settings, idempotencyKey, fingerprint);
                yield Response.status(Response.Status.CREATED).entity(batch).build();
            }
        };
    }

    /** A template (by id or an inline docx, exactly one) filled from a {@code data} part, JSON or XML. */
    private Response fromTemplate(Parts parts, String templateId, byte[] inlineDocx, String idempotencyKey, UriInfo uri) {
        RenderSettings settings = settings(parts.text("options"));
        requireTemplate(templateId, inlineDocx);
        FormValue data = parts.one("data");
        byte[] dataBytes = data == null ? null : parts.bytes("data");
        TemplateInput input = dataBytes == null ? new TemplateInput(java.util.Map.of(), null)
                : isXml(data, dataBytes) ? new TemplateInput(Renderer.parseXml(dataBytes), dataBytes)
                : new TemplateInput(Renderer.parseJson(dataBytes), null);
        String fingerprint = service.fingerprint("template", templateId, inlineDocx, dataBytes, settings);
        return created(service.renderTemplate(caller.get(), new TemplateRef(templateId, inlineDocx), input, settings,
                idempotencyKey, fingerprint), uri);
    }

    private static void requireTemplate(String templateId, byte[] inlineDocx) {
        if ((templateId == null || templateId.isBlank()) == (inlineDocx == null)) {
            throw ProblemException.invalid("templateId", "give exactly one of 'templateId' and a 'template' docx part");
        }
    }

    private static Response created(Registration r, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("api/v1/documents").path(r.document().id().toString()).build())
                .header("Idempotent-Replayed", r.replayed() ? "true" : null)
                .entity(r.document()).build();
    }

    private RenderSettings settings(String options) {
        // Defaults rather than null: the request fingerprint of a render without options must stay what it was.
        return java.util.Objects.requireNonNullElse(bodies.parse(options, RenderSettings.class, "options"),
                RenderSettings.defaults());
    }

    /** The kind of a {@code file} part, by its content type, else its extension; a kind not {@code accepted} is 415. */
    private static String kind(FormValue file, Set<String> accepted) {
        String kind = kindOf(file);
        if (!accepted.contains(kind)) {
            throw ProblemException.unsupportedMedia("this operation takes " + String.join(" or ", new java.util.TreeSet<>(accepted))
                    + " in 'file', not " + kind);
        }
        return kind;
    }

    private static String kindOf(FormValue file) {
        String type = contentType(file);
        String name = file.getFileName() == null ? "" : file.getFileName().toLowerCase(Locale.ROOT);
        TableInput.Format table = TableInput.detect(type, name);
        if (table != null) {
            return table == TableInput.Format.CSV ? "csv" : "xlsx";
        }
        if (type.startsWith("text/plain") || name.endsWith(".txt")) {
            return "text";
        }
        if (type.startsWith("application/pdf") || name.endsWith(".pdf")) {
            return "pdf";
        }
        throw ProblemException.unsupportedMedia("'file' must be text/plain, text/csv, xlsx or application/pdf (got "
                + (type.isEmpty() ? "no content type" : type) + ")");
    }

    /** XML or JSON by the part's content type; a part sent as plain text is judged by its first character. */
    private static boolean isXml(FormValue part, byte[] bytes) {
        String type = contentType(part);
        if (type.contains("xml")) {
            return true;
        }
        if (type.contains("json")) {
            return false;
        }
        if (!type.isEmpty() && !type.startsWith("text/plain") && !type.startsWith("application/octet-stream")) {
            throw ProblemException.unsupportedMedia("'data' must be application/json or application/xml (got " + type + ")");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        return head.startsWith("<") || head.startsWith("\uFEFF<");
    }

    private static String contentType(FormValue part) {
        String type = part.getHeaders() == null ? null : part.getHeaders().getFirst("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
    }

    /** The request's parts, with the upload limit applied to their total size. */
    private final class Parts {
        private final MultipartFormDataInput form;

        /** The parts of a form whose part names are {@code allowed}; none given: any. */
        Parts(MultipartFormDataInput form, String... allowed) {
            this.form = form;
            if (allowed.length > 0) {
                Set<String> names = Set.of(allowed);
                for (String name : new java.util.TreeSet<>(form.getValues().keySet())) {
                    if (!names.contains(name)) {
                        throw ProblemException.invalid(name, "this operation takes the parts " + String.join(", ", allowed)
                                + ", not '" + name + "'");
                    }
                }
            }
            long total = 0;
            for (Collection<FormValue> values : form.getValues().values()) {
                for (FormValue v : values) {
                    total += size(v);
                }
            }
            if (total > config.upload().maxBytes()) {
                throw ProblemException.tooLarge(config.upload().maxBytes());
            }
        }

        FormValue one(String name) {
            Collection<FormValue> values = form.getValues().get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw ProblemException.invalid(name, "part '" + name + "' given more than once");
            }
            return values.iterator().next();
        }

        byte[] requiredBytes(String name) {
            byte[] bytes = bytes(name);
            if (bytes == null) {
                throw ProblemException.invalid(name, "a multipart part named '" + name + "' is required");
            }
            return bytes;
        }

        String requiredText(String name) {
            String text = text(name);
            if (text == null || text.isBlank()) {
                throw ProblemException.invalid(name, "a multipart part named '" + name + "' is required");
            }
            return text;
        }

        String text(String name) {
            FormValue v = one(name);
            if (v == null) {
                return null;
            }
            return UserText.clean(name, v.isFileItem() ? new String(bytes(name), StandardCharsets.UTF_8) : v.getValue());
        }

        byte[] bytes(String name) {
            FormValue v = one(name);
            if (v == null) {
                return null;
            }
            if (!v.isFileItem()) {
                return v.getValue().getBytes(StandardCharsets.UTF_8);
            }
            try (InputStream in = v.getFileItem().getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private long size(FormValue v) {
            try {
                return v.isFileItem() ? v.getFileItem().getFileSize() : v.getValue().length();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
