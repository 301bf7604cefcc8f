package io.longnam.report;

import io.longnam.common.ProblemException;
import io.longnam.document.DocumentStatus;
import io.longnam.document.DocumentType;
import io.longnam.document.ImportChannel;
import io.longnam.document.InputFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's question, checked: period in Bangkok calendar days ({@code from} and {@code to} both included), the
 * subtree's root, and the filters (each a comma-separated list of enum names; empty means all).
 */
public record ReportFilter(GroupBy groupBy, LocalDate from, LocalDate to, UUID organizationId, List<String> statuses,
                           List<String> types, List<String> inputFormats, List<String> importChannels, boolean thai) {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final int MAX_DAYS = 3660;
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public static ReportFilter of(String groupBy, String from, String to, UUID organizationId, String status, String type,
                                  String inputFormat, String importChannel, String lang, LocalDate today) {
        GroupBy g = GroupBy.of(groupBy);
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfYear(1) : date("from", from);
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "from must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid("to", "a report covers at most ten years");
        }
        List<String> statuses = names("status", status, DocumentStatus.values());
        if (statuses.isEmpty() && g != GroupBy.STATUS) {
            statuses = List.of(DocumentStatus.REGISTERED.name());
        }
        return new ReportFilter(g, start, end, organizationId, statuses, names("type", type, DocumentType.values()),
                names("inputFormat", inputFormat, InputFormat.values()),
                names("importChannel", importChannel, ImportChannel.values()), thai(lang));
    }

    static boolean thai(String lang) {
        if (lang == null || lang.isBlank() || lang.strip().equalsIgnoreCase("en")) {
            return false;
        }
        if (lang.strip().equalsIgnoreCase("th")) {
            return true;
        }
        throw ProblemException.invalid("lang", "lang must be th or en");
    }

    /** YYYY-MM-DD; years of 2400 and above are Buddhist era, as Thai users write them (2569-03-15 = 2026-03-15). */
    static LocalDate date(String field, String value) {
        Matcher m = DATE.matcher(value.strip());
        if (!m.matches()) {
            throw ProblemException.invalid(field, field + " must be a date as YYYY-MM-DD");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            return LocalDate.of(year >= 2400 ? year - ReportLabels.BUDDHIST_ERA_OFFSET : year,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, field + " is not a calendar date");
        }
    }

    private static List<String> names(String field, String value, Enum<?>[] allowed) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (Arrays.stream(allowed).noneMatch(e -> e.name().equals(name))) {
                throw ProblemException.invalid(field, field + " must be a comma-separated list of "
                        + Arrays.toString(allowed));
            }
            out.add(name);
        }
        return List.copyOf(out);
    }
}
