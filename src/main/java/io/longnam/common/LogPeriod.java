package io.longnam.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a log search, {@code [from, to)}. Days, months and years are Bangkok calendar periods, because that
 * is what a Thai auditor means by "15 March". Years of 2400 and above are read as Buddhist-era years (2569 = 2026):
 * Thai forms and documents write those, and no log entry is dated near either range's overlap.
 */
public record LogPeriod(Instant from, Instant to) {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final int BUDDHIST_ERA_OFFSET = 543;
    static final int BUDDHIST_ERA_FROM = 2400;
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    static final String ONE_OF = "give exactly one period: day (YYYY-MM-DD), month (YYYY-MM), year (YYYY), "
            + "or from and to (ISO-8601 instants)";

    public static LogPeriod of(String day, String month, String year, String from, String to) {
        List<String> given = new ArrayList<>();
        for (String[] p : new String[][] {{"day", day}, {"month", month}, {"year", year}}) {
            if (p[1] != null && !p[1].isBlank()) {
                given.add(p[0]);
            }
        }
        boolean range = notBlank(from) || notBlank(to);
        if (range) {
            given.add("from/to");
        }
        if (given.size() != 1) {
            List<String> named = given.isEmpty() ? List.of("day", "month", "year", "from", "to") : given;
            throw ProblemException.invalid(ONE_OF + (given.isEmpty() ? "" : "; got " + String.join(", ", given)),
                    named.stream().map(f -> new Problem.FieldError(f, ONE_OF)).toList());
        }
        if (range) {
            return range(from, to);
        }
        if (notBlank(day)) {
            Matcher m = matched(DAY, day, "day", "day must look like 2026-03-15");
            LocalDate d = date("day", () -> LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
            return between(d, d.plusDays(1));
        }
        if (notBlank(month)) {
            Matcher m = matched(MONTH, month, "month", "month must look like 2026-03");
            YearMonth ym = date("month", () -> YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2))));
            return between(ym.atDay(1), ym.plusMonths(1).atDay(1));
        }
        matched(YEAR, year, "year", "year must have four digits, e.g. 2026 or 2569");
        LocalDate first = LocalDate.of(year(year.trim()), 1, 1);
        return between(first, first.plusYears(1));
    }

    private static LogPeriod range(String from, String to) {
        if (!notBlank(from) || !notBlank(to)) {
            String missing = notBlank(from) ? "to" : "from";
            throw ProblemException.invalid(missing, "from and to go together; " + missing + " is missing");
        }
        Instant start = Params.instant(from, "from");
        Instant end = Params.instant(to, "to");
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "to must be after from");
        }
        return new LogPeriod(start, end);
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return y >= BUDDHIST_ERA_FROM ? y - BUDDHIST_ERA_OFFSET : y;
    }

    private static LogPeriod between(LocalDate first, LocalDate next) {
        return new LogPeriod(first.atStartOfDay(BANGKOK).toInstant(), next.atStartOfDay(BANGKOK).toInstant());
    }

    private static Matcher matched(Pattern pattern, String value, String field, String message) {
        Matcher m = pattern.matcher(value.trim());
        if (!m.matches()) {
            throw ProblemException.invalid(field, message);
        }
        return m;
    }

    private static <T> T date(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, field + " is not a calendar date");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
