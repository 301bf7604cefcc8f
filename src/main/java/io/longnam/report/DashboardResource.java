package io.longnam.report;

import io.longnam.common.ProblemException;
import io.longnam.identity.CurrentCaller;
import io.longnam.identity.Permission;
import io.longnam.report.DashboardService.Dashboard;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dashboard")
@Tag(name = "Reports")
@SecurityRequirement(name = "apiKey")
public class DashboardResource {

    static final String SVG = "image/svg+xml";
    static final int MAX_DAYS = 366;

    @Inject
    DashboardService dashboards;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permission.Names.REPORT_READ)
    @Operation(operationId = "getDashboard", summary = "Totals, status breakdown, daily series, top organisations and backlogs",
            description = "For the caller's organisation (or `organizationId` within its subtree). Days are Bangkok days.")
    public Dashboard dashboard(@QueryParam("organizationId") UUID organizationId,
                               @Parameter(description = "length of the daily series, 1–366 (30)") @QueryParam("days") Integer days,
                               @Parameter(description = "Language of labels (default en)", schema = @Schema(type = SchemaType.STRING,
                                       enumeration = {"th", "en"})) @QueryParam("lang") String lang) {
        return build(organizationId, days, lang);
    }

    @GET
    @Path("chart.svg")
    @Produces(SVG)
    @PermissionsAllowed(Permission.Names.REPORT_READ)
    @Operation(operationId = "getDashboardChart", summary = "The dashboard's daily series as an SVG bar chart",
            description = "Sized for a phone (360 px wide, scales to its container); `lang=th` labels in Thai with "
                    + "Buddhist-era years.")
    @APIResponse(responseCode = "200", description = "SVG image",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    public Response chart(@QueryParam("organizationId") UUID organizationId, @QueryParam("days") Integer days,
                          @QueryParam("lang") String lang) {
        Dashboard d = build(organizationId, days, lang);
        boolean thai = "th".equals(d.lang());
        String title = thai ? "เอกสารที่สร้าง รายวัน" : "Documents created per day";
        String subtitle = d.series().getFirst().label() + " – " + d.series().getLast().label()
                + (thai ? "  รวม " : "  total ") + d.series().stream().mapToLong(ReportDtos.ReportRow::count).sum();
        // Served from the API's origin: nothing in it may run, even if a viewer opens it as a page.
        return Response.ok(BarChartSvg.render(title, subtitle, d.series()), SVG + "; charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private Dashboard build(UUID organizationId, Integer days, String lang) {
        int n = days == null ? 30 : days;
        if (n < 1 || n > MAX_DAYS) {
            throw ProblemException.invalid("days", "days must be between 1 and " + MAX_DAYS);
        }
        return dashboards.dashboard(caller.get(), organizationId, n, ReportFilter.thai(lang),
                LocalDate.now(ReportFilter.BANGKOK), Instant.now());
    }
}
