package io.longnam.common;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;

/**
 * Database failures a client can act on. The data stays consistent on its own (unique constraints, row versions,
 * rolled-back transactions); what is decided here is only the answer: a lost race is a 409 to re-read and retry, a
 * taken name a 409 naming the field, an unreachable database a 503 to retry later. The cause chain is walked because
 * the failure usually arrives wrapped (Hibernate, the transaction manager, ArC). Nothing of the SQL, the constraint
 * or the driver's message reaches the client.
 */
public class PersistenceProblems {

    private record Conflict(String slug, String detail) {
    }

    /** Unique constraints whose violation means something to a client, by the names PostgreSQL gave them in V1/V2 (kept in V14). */
    private static final Map<String, Conflict> UNIQUE = Map.of(
            "organization_code_key", new Conflict("duplicate-code", "this organisation code is taken"),
            "signing_key_organization_id_alias_key",
            new Conflict("duplicate-alias", "this organisation already has a key with this alias"),
            "signing_key_user_alias_key", new Conflict("duplicate-alias", "you already have a key with this alias"),
            // Two keys made the default at once: the index lets only one of them win.
            "signing_key_one_default", new Conflict("concurrent-change",
                    "another key was made the default at the same time; fetch the keys and retry"),
            "document_version_document_id_seq_key", new Conflict("concurrent-change",
                    "the document changed while this operation ran; fetch it and retry"));

    private static final Conflict CONCURRENT_CHANGE = new Conflict("concurrent-change",
            "the data changed while this request ran; fetch it and retry");
    private static final Conflict OTHER_UNIQUE = new Conflict("conflict",
            "the request conflicts with existing data");

    // Instances rather than a shared bean: the answer shapes (Retry-After, incident ids) stay defined in one place.
    private final ProblemMappers usual = new ProblemMappers();

    @ServerExceptionMapper({PersistenceException.class, SQLException.class, RollbackException.class,
            TransactionalException.class, ArcUndeclaredThrowableException.class})
    public Response persistence(Exception e, UriInfo uri) {
        return problem(e).map(p -> usual.problem(p, uri)).orElseGet(() -> usual.unexpected(e, uri));
    }

    /** The client-facing problem for a database failure anywhere in {@code failure}'s cause chain, if it is one. */
    public static Optional<ProblemException> problem(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (connectionLost(t)) {
                Log.warnf("database unavailable: %s", t.toString());
                return Optional.of(ProblemException.unavailable("database-unavailable",
                        "the database is unreachable at the moment; retry later"));
            }
        }
        for (Throwable t : causes(failure)) {
            Conflict c = conflict(t);
            if (c != null) {
                Log.debugf("answered 409 %s for %s", c.slug(), t);
                return Optional.of(ProblemException.conflict(c.slug(), c.detail()));
            }
        }
        return Optional.empty();
    }

    private static Conflict conflict(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return CONCURRENT_CHANGE;
        }
        String state = sqlState(t);
        if ("40001".equals(state) || "40P01".equals(state)) { // serialization failure, deadlock: the loser may retry
            return CONCURRENT_CHANGE;
        }
        if (t instanceof ConstraintViolationException cve && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
            return byConstraint(cve.getConstraintName());
        }
        if ("23505".equals(state)) {
            return byConstraint(t instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getConstraint() : null);
        }
        return null;
    }

    private static Conflict byConstraint(String name) {
        Conflict known = name == null ? null : UNIQUE.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : OTHER_UNIQUE;
    }

    /**
     * SQLState class 08 (connection exceptions) and 57P01-57P03 (the server shutting down or still starting), and
     * Agroal's acquisition timeout, which carries no SQLState: the pool could not hand out a connection in time.
     */
    private static boolean connectionLost(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = sqlState(t);
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return t instanceof SQLException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException s ? s.getSQLState() : null;
    }

    /**
     * The chain through causes, suppressed exceptions (a failed commit reports its resource's error there) and JDBC
     * next-exception links (batches report there), each throwable once.
     */
    private static Iterable<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        List<Throwable> ordered = new ArrayList<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
            if (t instanceof SQLException s && s.getNextException() != null) {
                pending.add(s.getNextException());
            }
        }
        return ordered;
    }
}
