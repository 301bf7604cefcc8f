package io.longnam.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.Limits;
import io.longnam.common.LongnamConfig;
import io.longnam.common.Page;
import io.longnam.common.Params;
import io.longnam.signing.SignatureLevel;
import io.longnam.common.ProblemException;
import io.longnam.common.Uploads;
import io.longnam.common.UserText;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.job.JobDtos.JobItemView;
import io.longnam.job.JobDtos.JobOptions;
import io.longnam.job.JobDtos.JobSubmission;
import io.longnam.job.JobDtos.JobView;
import io.longnam.render.Renderer;
import io.longnam.render.TableInput;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/jobs")
@Tag(name = "Bulk jobs")
@SecurityRequirement(name = "apiKey")
public class JobResource {

    @Inject
    Renderer renderer;
    @Inject
    JobService service;
    @Inject
    JobWorkers workers;
    @Inject
    CurrentCaller caller;
    @Inject
    JobsConfig config;
    @Inject
    LongnamConfig longnam;
    @Inject
    ObjectMapper json;

    /** Multipart form of a submission, described for the OpenAPI document. */
    @Schema(name = "JobUpload")
    public static class JobUpload {
        @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "CSV or xlsx; the header row names the template's fields")
        public String file;
        @Schema(required = true, description = "PP1, PP2 or LETTER")
        public String templateId;
        public Boolean seal;
        // Inline rather than a $ref to SignatureLevel: generated clients send a $ref part as its toString().
        @Schema(enumeration = {"B-B", "B-T", "B-LT", "B-LTA"}, description = "The signature level; without it the organisation's settings decide")
        public String level;
        @Schema(type = SchemaType.STRING, format = "uuid", description = "The seal key; the organisation's default when absent")
        public String keyId;
        public String reason;
        public String location;
        public String ownerRefField;
        @Schema(format = "date-time")
        public String expiresAt;
        @Schema(description = "Comma-separated labels")
        public String labels;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.JOB_SUBMIT)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "submitJob", summary = "Submit a bulk job of records", description = "Renders one document per record with a built-in "
            + "template (and seals each when `seal` is true), in the background. A malformed request answers 400; a record "
            + "the template refuses becomes a failed item of the job. An Idempotency-Key makes retries safe.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobSubmission.class)))
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    public Response submit(InputStream body, @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        return accepted(service.submit(caller.get(), idempotencyKey, new JsonJobSource(json, body, config.maxItems())), uri);
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.JOB_SUBMIT)
    @APIResponse(responseCode = "502")
    @Operation(operationId = "submitJobFromFile", summary = "Submit a bulk job from a CSV or xlsx file", description = "One document per data row; a row "
            + "refused by the table reader (e.g. a cell starting with = + - @) becomes a failed item. A list field such as "
            + "the ปพ.1 `courses` is given as JSON text in its cell. An Idempotency-Key makes retries safe.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = JobUpload.class)))
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    public Response upload(@RestForm("file") FileUpload file,
                           @RestForm("templateId") String templateId, @RestForm("seal") String seal,
                           @RestForm("level") String level, @RestForm("keyId") String keyId,
                           @RestForm("reason") String reason, @RestForm("location") String location,
                           @RestForm("ownerRefField") String ownerRefField, @RestForm("expiresAt") String expiresAt,
                           @RestForm("labels") String labels,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        byte[] table = Uploads.required(file, "with a CSV or xlsx table", longnam.upload().maxBytes());
        JobOptions options = new JobOptions(bool(seal), Params.value(SignatureLevel.class, text("level", level), "level"), uuid(keyId), text("reason", reason),
                text("location", location), text("ownerRefField", ownerRefField), Params.instant(expiresAt, "expiresAt"),
                labels == null || labels.isBlank() ? null : Arrays.stream(UserText.clean("labels", labels).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
        TableJobSource source = new TableJobSource(json, renderer, table, format(file), UserText.clean("templateId", templateId),
                options, config.maxItems());
        return accepted(service.submit(caller.get(), idempotencyKey, source), uri);
    }

    /** The multipart form on the JSON path, from before the two had their own operations; kept for existing callers. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permission.Names.JOB_SUBMIT)
    @Operation(hidden = true)
    public Response uploadOnJsonPath(@RestForm("file") FileUpload file,
                                     @RestForm("templateId") String templateId, @RestForm("seal") String seal,
                                     @RestForm("level") String level, @RestForm("keyId") String keyId,
                                     @RestForm("reason") String reason, @RestForm("location") String location,
                                     @RestForm("ownerRefField") String ownerRefField, @RestForm("expiresAt") String expiresAt,
                                     @RestForm("labels") String labels,
                                     @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        return upload(file, templateId, seal, level, keyId, reason, location, ownerRefField, expiresAt, labels, idempotencyKey, uri);
    }

    @GET
    @PermissionsAllowed(Permission.Names.JOB_READ)
    @Operation(operationId = "listJobs", summary = "List jobs of the caller's organisation subtree, newest first")
    public Page<JobView> list(@Parameter(schema = @Schema(implementation = JobStatus.class)) @QueryParam("status") String status,
                              @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), Params.value(JobStatus.class, status, "status"), cursor, Limits.of(limit));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Permission.Names.JOB_READ)
    @Operation(operationId = "getJob", summary = "Get a job's progress", description = "Status, counters, timestamps and items settled per second.")
    public JobView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Path("{id}/items")
    @PermissionsAllowed(Permission.Names.JOB_READ)
    @Operation(operationId = "listJobItems", summary = "List a job's items in input order", description = "Each item's status, created document id, or error code, message and field errors.")
    public Page<JobItemView> items(@PathParam("id") UUID id,
                                   @Parameter(schema = @Schema(implementation = ItemStatus.class)) @QueryParam("status") String status,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.items(caller.get(), id, Params.value(ItemStatus.class, status, "status"), cursor, Limits.of(limit));
    }

    @POST
    @Path("{id}/cancel")
    @PermissionsAllowed(Permission.Names.JOB_CANCEL)
    @Operation(operationId = "cancelJob", summary = "Cancel a job", description = "Items not yet started are cancelled; items in flight may still finish. "
            + "Cancelling a cancelled job answers it unchanged; a finished job answers 409.")
    public JobView cancel(@PathParam("id") UUID id) {
        return service.cancel(caller.get(), id);
    }

    private Response accepted(JobService.Submission s, UriInfo uri) {
        if (!s.replayed()) {
            workers.wake();
        }
        return Response.accepted(s.job())
                .location(uri.getBaseUriBuilder().path("api/v1/jobs").path(s.job().id().toString()).build())
                .header("Idempotent-Replayed", s.replayed() ? "true" : null).build();
    }

    private static TableInput.Format format(FileUpload file) {
        TableInput.Format format = TableInput.detect(file.contentType(), file.fileName());
        if (format == null) {
            throw ProblemException.unsupportedMedia("the file must be CSV (text/csv or application/csv) or xlsx; "
                    + "a part sent without a useful content type is judged by its .csv or .xlsx name");
        }
        return format;
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ProblemException.invalid("seal", "seal must be true or false");
        };
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("keyId", "keyId must be a UUID");
        }
    }

    private static String text(String field, String value) {
        return value == null || value.isBlank() ? null : UserText.clean(field, value).strip();
    }
}
