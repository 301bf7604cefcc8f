package io.longnam.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the log searches (access log, audit trail) share about answering as CSV. */
@ApplicationScoped
public class LogExports {

    public static final String ROW_LIMIT_HEADER = "X-Row-Limit";

    /**
     * Rows one export sends at most. A body that is already streaming cannot turn into an error, so the cap is
     * announced up front in {@value #ROW_LIMIT_HEADER}; an export with exactly that many rows should be split.
     */
    @ConfigProperty(name = "longnam.log-export.max-rows", defaultValue = "1000000")
    int maxRows;

    public int maxRows() {
        return maxRows;
    }

    /** CSV when {@code format=csv}, or when the client's most preferred type is text/csv. */
    public boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "format must be json or csv");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.getFirst().isWildcardType()
                && accepted.getFirst().isCompatible(MediaType.valueOf(CsvWriter.MEDIA_TYPE));
    }

    public Response csv(String filename, StreamingOutput body) {
        return Response.ok(body, CsvWriter.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header(ROW_LIMIT_HEADER, maxRows).build();
    }
}
