package io.longnam.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging over {@code (createdAt, id)}, newest first, for every list of rows that carry both: one page is
 * {@code limit + 1} rows read in {@link #ORDER}, the extra row only telling that another page exists.
 */
public final class NewestFirst {

    public static final String ORDER = " order by createdAt desc, id desc";

    private NewestFirst() {
    }

    /** The condition (to AND to a where clause) that starts after {@code cursor}; empty for the first page. */
    public static String after(String cursor, Map<String, Object> params) {
        if (cursor == null) {
            return "";
        }
        Cursor c = Cursor.decode(cursor);
        params.put("cAt", c.createdAt());
        params.put("cId", c.id());
        return " and (createdAt < :cAt or (createdAt = :cAt and id < :cId))";
    }

    public static <E, V> Page<V> page(List<E> rows, int limit, Function<E, Cursor> position, Function<E, V> view) {
        String next = rows.size() > limit ? position.apply(rows.get(limit - 1)).encode() : null;
        return new Page<>(rows.stream().limit(limit).map(view).toList(), next);
    }
}
