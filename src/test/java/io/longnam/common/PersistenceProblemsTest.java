package io.longnam.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** The failures arrive wrapped as Hibernate, Narayana and ArC wrap them; the answer must not depend on the wrapping. */
class PersistenceProblemsTest {

    @Test
    void uniqueViolationsAreNamedByTheirConstraint() {
        assertThat(slug(uniqueViolation("organization_code_key"))).hasValue("duplicate-code");
        assertThat(slug(uniqueViolation("signing_key_organization_id_alias_key"))).hasValue("duplicate-alias");
        assertThat(slug(uniqueViolation("signing_key_one_default"))).hasValue("concurrent-change");
        assertThat(slug(uniqueViolation("document_version_document_id_seq_key"))).hasValue("concurrent-change");
    }

    @Test
    void anUnknownUniqueViolationIsAPlainConflictThatRevealsNothing() {
        ProblemException p = PersistenceProblems.problem(uniqueViolation("api_key_secret_hash_key")).orElseThrow();
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.slug()).isEqualTo("conflict");
        assertThat(p.getMessage()).doesNotContain("api_key", "secret", "Key (", "duplicate key");
    }

    @Test
    void theConstraintIsFoundUnderTheTransactionManagersWrapping() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(uniqueViolation("organization_code_key"));
        assertThat(slug(new ArcUndeclaredThrowableException(commit))).hasValue("duplicate-code");
    }

    @Test
    void aDriverExceptionWithoutHibernateIsRecognisedToo() {
        assertThat(slug(psql("23505", "signing_key_one_default"))).hasValue("concurrent-change");
    }

    @Test
    void lostOptimisticLocksAndDeadlocksAreConcurrentChanges() {
        assertThat(slug(new StaleObjectStateException("io.longnam.document.Document", "id"))).hasValue("concurrent-change");
        assertThat(slug(new jakarta.persistence.OptimisticLockException("row was updated"))).hasValue("concurrent-change");
        assertThat(slug(new RuntimeException(psql("40P01", null)))).hasValue("concurrent-change");
    }

    @Test
    void connectionFailuresAreRetryable503s() {
        for (Throwable failure : new Throwable[]{
                new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT)),
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE),
                psql("57P01", null),
                psql("57P03", null),
                new SQLException("Acquisition timeout while waiting for new connection"),
                new java.sql.SQLTransientConnectionException("gone")}) {
            ProblemException p = PersistenceProblems.problem(failure).orElseThrow();
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.slug()).isEqualTo("database-unavailable");
            Problem problem = p.toProblem("/x");
            assertThat(problem.any()).containsEntry("retryable", true).containsKey("retryAfterSeconds");
        }
    }

    @Test
    void aCommitFailureReportedAsSuppressedIsFound() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction"));
        commit.getSuppressed()[0].initCause(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
        assertThat(slug(new ArcUndeclaredThrowableException(commit))).hasValue("database-unavailable");
    }

    @Test
    void otherFailuresAreNotTheirs() {
        assertThat(PersistenceProblems.problem(new IllegalStateException("bug"))).isEmpty();
        assertThat(PersistenceProblems.problem(psql("42P01", null))).isEmpty();
    }

    private static Optional<String> slug(Throwable failure) {
        return PersistenceProblems.problem(failure).map(ProblemException::slug);
    }

    private static ConstraintViolationException uniqueViolation(String constraint) {
        return new ConstraintViolationException("could not execute statement", psql("23505", constraint),
                ConstraintViolationException.ConstraintKind.UNIQUE, constraint);
    }

    private static PSQLException psql(String sqlState, String constraint) {
        String fields = "SERROR\0C" + sqlState + "\0Mduplicate key value violates unique constraint\0"
                + (constraint == null ? "" : "n" + constraint + "\0") + "DKey (x)=(y) already exists.\0";
        return new PSQLException(new ServerErrorMessage(fields));
    }
}
