package io.longnam.report;

import io.longnam.common.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a report's rows are keyed by (TOR 2.9.1–2.9.4). */
public enum GroupBy {
    DAY("YYYY-MM-DD"),
    MONTH("YYYY-MM"),
    YEAR("YYYY"),
    /** Roll-up: the root's own documents, and each child's whole subtree. The expression is built per root. */
    ORGANIZATION(null),
    INPUT_FORMAT("s.input_format"),
    IMPORT_CHANNEL("s.import_channel"),
    STATUS("s.status"),
    TYPE("s.document_type");

    /** The key's column of {@code document_daily_summary}, or for the time keys the {@code to_char} pattern of its day. */
    final String sql;

    GroupBy(String sql) {
        this.sql = sql;
    }

    /** The contract's spelling: {@code day}, {@code inputFormat}, {@code importChannel}… */
    public String param() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return s.toString();
    }

    public boolean isTime() {
        return this == DAY || this == MONTH || this == YEAR;
    }

    public static GroupBy of(String value) {
        if (value == null || value.isBlank()) {
            return MONTH;
        }
        return Arrays.stream(values()).filter(g -> g.param().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("groupBy", "groupBy must be one of "
                        + Arrays.stream(values()).map(GroupBy::param).collect(Collectors.joining(", "))));
    }
}
