package io.longnam.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends (every statement of the application goes through it, native queries included)
 * while a test has recording on, so a test can count what one request costs the database. Passive otherwise.
 */
@PersistenceUnitExtension
public class SqlRecorder implements StatementInspector {

    private static final List<String> RECORDED = new ArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            synchronized (RECORDED) {
                RECORDED.add(sql);
            }
        }
        return sql;
    }

    /** Runs {@code work} and answers the statements sent meanwhile, by any thread. */
    public static List<String> during(Runnable work) {
        synchronized (RECORDED) {
            RECORDED.clear();
        }
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        synchronized (RECORDED) {
            return List.copyOf(RECORDED);
        }
    }
}
