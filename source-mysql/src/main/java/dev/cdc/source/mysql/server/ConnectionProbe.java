package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.core.thread.NamedThreadFactory;
import dev.cdc.source.mysql.config.ConnectionConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The second stage of validation: logs in to the server under a hard timeout and turns a failure
 * into problems attached to the keys a person has to change (user and password for a refused
 * login, host and port for a server that cannot be reached).
 */
public final class ConnectionProbe {
    /** SQLSTATE of a refused login (MySQL error 1045, ER_ACCESS_DENIED_ERROR). */
    static final String ACCESS_DENIED = "28000";
    /** MySQL/MariaDB error code of a refused login. */
    static final int ER_ACCESS_DENIED = 1045;
    /** MySQL/MariaDB error code of a host not allowed to connect. */
    static final int ER_HOST_NOT_PRIVILEGED = 1130;

    private ConnectionProbe() {
    }

    /** Problems connecting with {@code config}, none when a login succeeded within the timeout. */
    public static List<ConfigProblem> probe(ConnectionConfig config) {
        requireNonNull(config, "config is null");
        Duration timeout = config.server().connectTimeout().plusSeconds(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(new NamedThreadFactory("mysql-source", "validate"));
        try {
            Future<?> attempt = executor.submit(() -> {
                try (Connection connection = new JdbcConnections(config).open()) {
                    connection.isValid((int) Math.max(1, config.server().connectTimeout().toSeconds()));
                }
                return null;
            });
            attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return List.of();
        } catch (TimeoutException e) {
            return unreachable(config, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return classify(config, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(config, "interrupted while connecting");
        } finally {
            executor.shutdownNow();
        }
    }

    /** Attaches a failed login to the keys that would fix it. */
    static List<ConfigProblem> classify(ConnectionConfig config, Throwable failure) {
        SQLException sql = findSqlException(failure);
        if (sql != null && (ACCESS_DENIED.equals(sql.getSQLState()) || sql.getErrorCode() == ER_ACCESS_DENIED)) {
            String message = "the server at " + config.address() + " refused the login of '" + config.server().user()
                    + "' (SQLSTATE " + sql.getSQLState() + ", error " + sql.getErrorCode() + "): check the user and password";
            return List.of(new ConfigProblem(ServerConnectionConfig.USER, message), new ConfigProblem(ServerConnectionConfig.PASSWORD, message));
        }
        if (sql != null && sql.getErrorCode() == ER_HOST_NOT_PRIVILEGED) {
            return List.of(new ConfigProblem(ServerConnectionConfig.USER, "the server at " + config.address() + " does not let '"
                    + config.server().user() + "' connect from this host (error 1130): CREATE USER '" + config.server().user() + "'@'%' ... or a"
                    + " host pattern that matches the Connect worker"));
        }
        String detail = sql == null ? String.valueOf(failure) : sql.getMessage() + " (SQLSTATE " + sql.getSQLState() + ")";
        return unreachable(config, detail);
    }

    private static List<ConfigProblem> unreachable(ConnectionConfig config, String detail) {
        String message = "cannot connect to " + config.address() + " as '" + config.server().user() + "': " + detail;
        return List.of(new ConfigProblem(ServerConnectionConfig.HOSTNAME, message), new ConfigProblem(ServerConnectionConfig.PORT, message));
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure instanceof SQLException sql ? sql : null;
    }
}
