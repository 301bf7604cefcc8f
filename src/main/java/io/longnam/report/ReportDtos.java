package io.longnam.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReportDtos {

    private ReportDtos() {
    }

    public record ReportRow(
            @Schema(description = "ISO date/month/year (Gregorian), organisation id, or enum name") String key,
            @Schema(description = "the key for people: Buddhist-era dates and Thai words with lang=th, names of organisations")
            String label,
            long count) {
    }

    @Schema(name = "DocumentReport")
    public record DocumentReport(String groupBy, LocalDate from, LocalDate to, UUID organizationId,
                                 @Schema(description = "statuses entered that were counted; REGISTERED counts documents created")
                                 List<String> statuses, List<String> types, List<String> inputFormats,
                                 List<String> importChannels, String lang, long total, List<ReportRow> rows) {
    }
}
