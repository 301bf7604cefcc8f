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

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RenderService service;
    @Inject
    CurrentCaller caller;
    @Inject
    LongnamConfig config;
    @Inject
    JsonBodies bodies;

    /** Multipart form of a render, described for the OpenAPI document. */
    @Schema(name = "RenderUpload", description = "Either a template (`templateId` or a `template` docx) with `data` (JSON or XML, "
            + "by the part's content type), or a `file`: text (TEXT), CSV or xlsx (one document per row through `templateId`), "
            + "or a PDF together with an `xml` part (PDF + XML).")
    public static class RenderUpload {
        @Schema(description = "Id of a built-in (PP1, PP2, LETTER) or uploaded template")
        public String templateId;
        @Schema(type = SchemaType.STRING, format = "binary", description = "A docx template used for this render only")
        public String template;
        @Schema(type = SchemaType.STRING, format = "binary", description = "Field data: application/json or application/xml")
        public String data;
        @Schema(type = SchemaType.STRING, format = "binary", description = "text/plain, text/csv, xlsx or application/pdf")
        public String file;
        @Schema(type = SchemaType.STRING, format = "binary", description = "XML to embed into the PDF given as `file`")
        public String xml;
        @Schema(implementation = RenderSettings.class, description = "JSON: embedSource, seal, level, signEmbeddedXml and document metadata")
        public String options;
    }

    // One operation in the contract, served by a JSON and a multipart method: both carry the same text.
    private static final String SUMMARY =
            "Render a document: template + JSON data, or uploaded files (docx + JSON/XML, text, CSV/xlsx, PDF + XML)";
    private static final String DESCRIPTION = "JSON body: template + data, validated against the template's fields (400 lists every field error). "
            + "Multipart: see RenderUpload. Output is PDF/A-3, registered as a document whose QR code points at its public "
            + "verification page `/v/{id}`. With `seal` the document is sealed with the organisation's default key (needs "
            + "the SIGNER role); `signEmbeddedXml` XAdES-signs XML before it is embedded. A CSV/xlsx file answers "
            + "`{items, errors}`: one document per valid row, refused rows (formula cells, field errors) by line; 422 when "
            + "no row is valid. Engine refusals answer 422 with a `code` (MALFORMED_DOCX, XML_DTD_FORBIDDEN, ...), 415 for "
            + "an unsupported file type; nothing is registered then. An Idempotency-Key makes retries safe.";
    private static final String CREATED = "Rendered and registered: a document, or for a table a BatchResult";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @Operation(operationId = "render", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {DocumentView.class, BatchResult.class})))
    public Response renderJson(@Valid @NotNull RenderRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey,
                               @Context UriInfo uri) {
        String fingerprint = service.fingerprint("json", request.templateId(), request.data(), request.settings());
        Registration r = service.renderTemplate(caller.get(), new TemplateRef(request.templateId(), null),
                new TemplateInput(request.data(), null), request.settings(), idempotencyKey, fingerprint);
        return created(r, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.RENDER_CREATE)
    @Operation(operationId = "render", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {DocumentView.class, BatchResult.class})))
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = RenderUpload.class)))
    public Response renderMultipart(MultipartFormDataInput form, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                    @Context UriInfo uri) {
        Parts parts = new Parts(form);
        RenderSettings settings = settings(parts.text("options"));
        String templateId = parts.text("templateId");
        byte[] inlineDocx = parts.bytes("template");
        FormValue file = parts.one("file");
        if (file != null) {
            byte[] bytes = parts.bytes("file");
            FormValue xml = parts.one("xml");
            byte[] xmlBytes = parts.bytes("xml");
            String fingerprint = service.fingerprint("file", templateId, inlineDocx, bytes, xmlBytes, settings);
            return switch (kind(file)) {
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
                            kind(file).equals("csv") ? TableInput.Format.CSV : TableInput.Format.XLSX, settings, idempotencyKey, fingerprint);
                    yield Response.status(Response.Status.CREATED).entity(batch).build();
                }
            };
        }
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

    /** The kind of a {@code file} part, by its content type, else its extension; anything else is 415. */
    private static String kind(FormValue file) {
        String type = contentType(file);
        String name = file.getFileName() == null ? "" : file.getFileName().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain") || name.endsWith(".txt")) {
            return "text";
        }
        if (type.startsWith("text/csv") || type.startsWith("application/csv") || name.endsWith(".csv")) {
            return "csv";
        }
        if (type.startsWith(XLSX) || name.endsWith(".xlsx")) {
            return "xlsx";
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

        Parts(MultipartFormDataInput form) {
            this.form = form;
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
