package io.longnam.audit;

import io.longnam.audit.AuditSearch.AuditEventView;
import io.longnam.audit.AuditSearch.Filter;
import io.longnam.audit.AuditService.ChainVerification;
import io.longnam.common.CsvWriter;
import io.longnam.common.LogQuery;
import io.longnam.common.LogExports;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.tenancy.OrganizationService;
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

@Path("/api/v1/organizations/{orgId}/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "apiKey")
public class AuditResource {

    @Inject
    AuditService audit;
    @Inject
    OrganizationService organizations;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditSearch search;
    @Inject
    LogExports exports;

    /** The JSON answer's shape, for the contract; the method returns a Response because it also answers CSV. */
    @Schema(name = "AuditEventPage")
    public record AuditEventPage(List<AuditEventView> items, String nextCursor) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @PermissionsAllowed(Permission.Names.AUDIT_READ)
    @Operation(operationId = "searchAuditTrail", summary = "Search the audit trail of an organisation (or its subtree), newest first",
            description = "Give exactly one period: day, month or year (Bangkok calendar; years of 2400 and above are "
                    + "Buddhist-era, 2569 = 2026) or from and to. Accept: text/csv or format=csv answers a CSV file "
                    + "(UTF-8 with BOM) of every matching event, up to the X-Row-Limit header's count.")
    @APIResponse(responseCode = "200", description = "A page of events, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEventPage.class)),
            @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response search(@PathParam("orgId") UUID orgId,
                           @Parameter(description = "e.g. apikey:ln_ab12cd34") @QueryParam("actor") String actor,
                           @Parameter(description = "e.g. document.registered") @QueryParam("action") String action,
                           @Parameter(description = "e.g. document") @QueryParam("targetType") String targetType,
                           @QueryParam("targetId") String targetId,
                           @BeanParam LogQuery query, @Context HttpHeaders headers) {
        Filter filter = new Filter(query.period(), actor, action, targetType, targetId, query.wholeSubtree());
        if (exports.wantsCsv(query.format, headers)) {
            return exports.csv("audit.csv", search.csv(caller.get(), orgId, filter, exports.maxRows()));
        }
        return Response.ok(search.page(caller.get(), orgId, filter, query.cursor, query.pageSize()),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("verification")
    @PermissionsAllowed(Permission.Names.AUDIT_READ)
    @Operation(operationId = "verifyAuditChain", summary = "Walk the organisation's audit hash chain and report the first tampered row, if any")
    public ChainVerification verify(@PathParam("orgId") UUID orgId) {
        return audit.verify(organizations.visible(caller.get(), orgId).id);
    }
}
