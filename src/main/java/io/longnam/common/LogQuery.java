package io.longnam.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters both log searches share: one period, subtree, output format and paging. */
public class LogQuery {

    @Parameter(description = "YYYY-MM-DD, Bangkok time")
    @QueryParam("day")
    public String day;
    @Parameter(description = "YYYY-MM, Bangkok time")
    @QueryParam("month")
    public String month;
    @Parameter(description = "YYYY, Bangkok time")
    @QueryParam("year")
    public String year;
    @Parameter(description = "inclusive, ISO-8601 instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    public String from;
    @Parameter(description = "exclusive, ISO-8601 instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    public String to;
    @Parameter(description = "true: the organisation and every organisation below it", schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("subtree")
    public String subtree;
    @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"}))
    @QueryParam("format")
    public String format;
    @QueryParam("cursor")
    public String cursor;
    @QueryParam("limit")
    public Integer limit;

    public LogPeriod period() {
        return LogPeriod.of(day, month, year, from, to);
    }

    public boolean wholeSubtree() {
        return Params.bool(subtree, "subtree");
    }

    public int pageSize() {
        return Limits.of(limit);
    }
}
