package io.longnam.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A native search assembled from optional filters and run through plain JDBC, newest first over {@code (time, id)}:
 * a page reads {@code limit + 1} rows, an export streams through a server-side cursor so a year of rows never sits
 * in memory. Table and column names are ours; every value a client sent is a bound parameter.
 */
public final class SqlQuery {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private final String selectFrom;
    private final String timeColumn;
    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> args = new ArrayList<>();

    public SqlQuery(String selectFrom, String timeColumn) {
        this.selectFrom = selectFrom;
        this.timeColumn = timeColumn;
    }

    public SqlQuery and(String condition, Object... values) {
        where.append(" and (").append(condition).append(')');
        args.addAll(List.of(values));
        return this;
    }

    /** Adds the condition only when the client gave the filter. */
    public SqlQuery andIf(Object value, String condition) {
        return value == null ? this : and(condition, value);
    }

    public SqlQuery during(LogPeriod period) {
        return and(timeColumn + " >= ? and " + timeColumn + " < ?", period.from(), period.to());
    }

    public <T> Page<T> page(DataSource ds, String cursor, int limit, RowMapper<T> mapper,
                            java.util.function.Function<T, Cursor> position) {
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            and("(" + timeColumn + ", id) < (?, ?)", c.createdAt(), c.id());
        }
        List<T> rows = new ArrayList<>();
        run(ds, limit + 1, 0, rs -> rows.add(mapper.map(rs)));
        return NewestFirst.page(rows, limit, position, row -> row);
    }

    /** Hands every row to {@code each} as it arrives, at most {@code maxRows}. */
    public <T> void stream(DataSource ds, int maxRows, RowMapper<T> mapper, java.util.function.Consumer<T> each) {
        run(ds, maxRows, 1000, rs -> each.accept(mapper.map(rs)));
    }

    private void run(DataSource ds, int limit, int fetchSize, RowHandler each) {
        String sql = selectFrom + where + " order by " + timeColumn + " desc, id desc limit ?";
        try (Connection c = ds.getConnection()) {
            // PostgreSQL only streams through a cursor inside a transaction; otherwise it reads the whole result.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object arg : args) {
                    bind(ps, i++, arg);
                }
                ps.setInt(i, limit);
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.handle(rs);
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            // PersistenceProblems tells an unreachable database (503) from a bug (500) by the cause.
            throw new jakarta.persistence.PersistenceException(e);
        }
    }

    private static void bind(PreparedStatement ps, int i, Object arg) throws SQLException {
        switch (arg) {
            case Instant t -> ps.setTimestamp(i, Timestamp.from(t));
            case UUID u -> ps.setObject(i, u);
            default -> ps.setObject(i, arg);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
