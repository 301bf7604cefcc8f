package io.longnam.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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

    /** CSV when {@code format=csv}, or when the client prefers text/csv to JSON ({@link AnswerFormat#choose}). */
    public boolean wantsCsv(String format, HttpHeaders headers) {
        return AnswerFormat.choose(format, headers, AnswerFormat.CSV) == AnswerFormat.CSV;
    }

    public Response csv(String filename, StreamingOutput body) {
        return Response.ok(body, CsvWriter.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header(ROW_LIMIT_HEADER, maxRows).build();
    }
}
