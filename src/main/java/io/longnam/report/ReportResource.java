package io.longnam.report;

import io.longnam.common.AnswerFormat;
import io.longnam.common.CsvWriter;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.ImportChannel;
import io.longnam.document.InputFormat;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.report.ReportDtos.DocumentReport;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/documents")
@Tag(name = "Reports")
@SecurityRequirement(name = "apiKey")
public class ReportResource {


    @Inject
    ReportService reports;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE, AnswerFormat.XLSX_TYPE, AnswerFormat.PDF_TYPE})
    @PermissionsAllowed(Permission.Names.REPORT_READ)
    @Operation(operationId = "reportDocuments", summary = "Count documents by period, organisation, format, channel, status or type",
            description = "Counts documents entering a status — created (REGISTERED, the default), SEALED, SIGNED, REJECTED, "
                    + "EXPIRED, DELETED… — on Bangkok calendar days from `from` to `to` (both included; default: this year "
                    + "so far; years of 2400 and above are Buddhist era). `groupBy=organization` rolls up: the organisation's "
                    + "own documents and each child's whole subtree. Filters take comma-separated lists. `lang=th` labels "
                    + "with Buddhist-era dates and Thai words. `format=csv|xlsx|pdf` (or Accept) answers a file.")
    @APIResponse(responseCode = "200", description = "The report, as JSON or as a file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentReport.class)),
            @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = AnswerFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = AnswerFormat.PDF_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response documents(
            @Parameter(description = "What the rows are keyed by (default month)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"day", "month", "year", "organization", "inputFormat", "importChannel", "status", "type"}))
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "YYYY-MM-DD, Bangkok calendar (years from 2400 are Buddhist era)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD, included", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "root of the subtree counted; default the caller's organisation")
            @QueryParam("organizationId") UUID organizationId,
            @Parameter(description = "statuses entered, e.g. SEALED,SIGNED", explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "document types, e.g. PP1,PP2", explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentType.class)) @QueryParam("type") String type,
            @Parameter(description = "input formats, e.g. PDF,CSV", explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InputFormat.class)) @QueryParam("inputFormat") String inputFormat,
            @Parameter(description = "import channels, e.g. API,BULK_JOB", explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ImportChannel.class)) @QueryParam("importChannel") String importChannel,
            @Parameter(description = "Language of labels (default en)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"th", "en"})) @QueryParam("lang") String lang,
            @Parameter(description = "json (default), or a file: csv, xlsx or pdf", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"json", "csv", "xlsx", "pdf"})) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        AnswerFormat answer = AnswerFormat.choose(format, headers, AnswerFormat.CSV, AnswerFormat.XLSX, AnswerFormat.PDF);
        ReportFilter filter = ReportFilter.of(groupBy, from, to, organizationId, status, type, inputFormat, importChannel,
                lang, LocalDate.now(ReportFilter.BANGKOK));
        DocumentReport report = reports.documents(caller.get(), filter);
        String name = "documents-by-" + report.groupBy() + "-" + report.from() + "-" + report.to();
        return switch (answer) {
            case CSV -> file(ReportExports.csv(report), CsvWriter.MEDIA_TYPE + "; charset=UTF-8", name + ".csv");
            case XLSX -> file(ReportExports.xlsx(report), AnswerFormat.XLSX_TYPE, name + ".xlsx");
            case PDF -> file(ReportExports.pdf(report), AnswerFormat.PDF_TYPE, name + ".pdf");
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private static Response file(byte[] body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

}
