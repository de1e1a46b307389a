package dev.cdc.source.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.Predicate;

import org.apache.kafka.connect.errors.DataException;

import dev.cdc.core.errors.ErrorClassifier;

/**
 * The one place the PostgreSQL source decides whether a failure is retriable (the task restarts
 * its reader from the last polled offset) or fatal (the task fails with the message). Fatal rules
 * come first, so an authentication failure wrapped in an I/O error stays fatal.
 */
public final class PostgresErrors {
    /** The classifier of the connector. */
    public static final ErrorClassifier CLASSIFIER = ErrorClassifier.builder()
            .fatalWhen("authentication or authorization refused (SQLSTATE class 28)", sqlState(state -> state.startsWith("28")))
            .fatalWhen("insufficient privilege (SQLSTATE 42501)", sqlState("42501"::equals))
            .fatalWhen("replication slot or object does not exist (SQLSTATE 42704)", sqlState("42704"::equals))
            .fatalWhen("database does not exist (SQLSTATE 3D000)", sqlState("3D000"::equals))
            .fatalOn(DataException.class)
            .retriableWhen("connection failure (SQLSTATE class 08)", sqlState(state -> state.startsWith("08")))
            .retriableWhen("server shutting down or restarting (SQLSTATE 57P01-57P03)", sqlState(state -> state.startsWith("57P")))
            .retriableWhen("replication slot still active for an earlier walsender (SQLSTATE 55006)", sqlState("55006"::equals))
            .retriableWhen("too many connections (SQLSTATE 53300)", sqlState("53300"::equals))
            .retriableOn(IOException.class)
            .build();

    private PostgresErrors() {
    }

    private static Predicate<Throwable> sqlState(Predicate<String> state) {
        return error -> error instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState());
    }
}
