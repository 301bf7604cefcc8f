package io.longnam.audit;

import io.longnam.audit.AccessLogSearch.AccessLogView;
import io.longnam.audit.AccessLogSearch.Filter;
import io.longnam.common.CsvWriter;
import io.longnam.common.LogQuery;
import io.longnam.common.LogExports;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organizations/{orgId}/access-log")
@Tag(name = "Logs")
@SecurityRequirement(name = "apiKey")
public class AccessLogResource {

    @Inject
    AccessLogSearch search;
    @Inject
    LogExports exports;
    @Inject
    CurrentCaller caller;

    /** The JSON answer's shape, for the contract; the method returns a Response because it also answers CSV. */
    @Schema(name = "AccessLogPage")
    public record AccessLogPage(List<AccessLogView> items, String nextCursor) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @PermissionsAllowed(Permission.Names.LOG_READ)
    @Operation(operationId = "searchAccessLog", summary = "Search the API requests of an organisation (or its subtree), newest first",
            description = "Give exactly one period: day, month or year (Bangkok calendar; years of 2400 and above are "
                    + "Buddhist-era, 2569 = 2026) or from and to. Accept: text/csv or format=csv answers a CSV file "
                    + "(UTF-8 with BOM) of every matching row, up to the X-Row-Limit header's count.")
    @APIResponse(responseCode = "200", description = "A page of requests, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessLogPage.class)),
            @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response search(@PathParam("orgId") UUID orgId,
                           @Parameter(description = "e.g. apikey:ln_ab12cd34 or anonymous") @QueryParam("actor") String actor,
                           @Parameter(description = "e.g. GET") @QueryParam("method") String method,
                           @Parameter(description = "a code such as 404 or a class such as 4xx") @QueryParam("status") String status,
                           @Parameter(description = "a route template, e.g. /api/v1/documents/{id}") @QueryParam("route") String route,
                           @BeanParam LogQuery query, @Context HttpHeaders headers) {
        Filter filter = new Filter(query.period(), actor, method, status, route, query.wholeSubtree());
        if (exports.wantsCsv(query.format, headers)) {
            return exports.csv("access-log.csv", search.csv(caller.get(), orgId, filter, exports.maxRows()));
        }
        return Response.ok(search.page(caller.get(), orgId, filter, query.cursor, query.pageSize()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
