package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.ServerConnectionConfig;
import dev.cdc.source.postgres.config.ConnectionConfig;

/**
 * The second stage of validation: logs in under a hard timeout, checks {@code wal_level} and the
 * REPLICATION attribute, and turns every failure into problems attached to the keys a person has
 * to change (user and password for a refused login, host and port for a server out of reach,
 * database name for a missing database).
 */
public final class ConnectionProbe {
    private ConnectionProbe() {
    }

    /** Problems connecting with {@code config}; none when all is well. */
    public static List<ConfigProblem> probe(ConnectionConfig config) {
        requireNonNull(config, "config is null");
        Duration timeout = config.server().connectTimeout().plusSeconds(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "postgres-source-validate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<ConfigProblem>> attempt = executor.submit(() -> {
                try (Connection connection = new JdbcConnections(config, "postgres-source-validate").open()) {
                    return serverProblems(config, new ServerInspector(connection));
                }
            });
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    private static List<ConfigProblem> serverProblems(ConnectionConfig config, ServerInspector inspector) throws SQLException {
        List<ConfigProblem> problems = new ArrayList<>();
        String walLevel = inspector.setting("wal_level");
        if (!walLevel.equals("logical")) {
            problems.add(new ConfigProblem(ServerConnectionConfig.HOSTNAME, "Invalid value " + config.server().hostname() + " for configuration "
                    + ServerConnectionConfig.HOSTNAME + ": wal_level is '" + walLevel + "' on " + config.address() + "; logical decoding"
                    + " needs 'logical': ALTER SYSTEM SET wal_level = logical; and restart PostgreSQL"));
        }
        try (var statement = inspector.connectionStatement("SELECT rolsuper OR rolreplication FROM pg_catalog.pg_roles"
                + " WHERE rolname = current_user"); var rows = statement.executeQuery()) {
            if (rows.next() && !rows.getBoolean(1)) {
                problems.add(new ConfigProblem(ServerConnectionConfig.USER, "Invalid value " + config.server().user() + " for configuration "
                        + ServerConnectionConfig.USER + ": the role has no REPLICATION attribute: ALTER ROLE " + Sql.quote(config.server().user())
                        + " REPLICATION;"));
            }
        }
        return problems;
    }

    /** Attaches a failed login to the keys that would fix it. */
    static List<ConfigProblem> classify(ConnectionConfig config, Throwable failure) {
        SQLException sql = findSqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        if (state != null && state.startsWith("28")) {
            String message = "the server at " + config.address() + " refused the login of '" + config.server().user() + "' (SQLSTATE "
                    + state + ": " + sql.getMessage() + "): check the user and password, and pg_hba.conf";
            return List.of(problem(ServerConnectionConfig.USER, config.server().user(), message), problem(ServerConnectionConfig.PASSWORD, "[hidden]", message));
        }
        if ("3D000".equals(state)) {
            return List.of(problem(ConnectionConfig.DBNAME, config.database(), "database '" + config.database()
                    + "' does not exist on " + config.server().hostname() + ":" + config.server().port() + " (SQLSTATE 3D000)"));
        }
        String detail = sql == null ? String.valueOf(failure) : sql.getMessage() + " (SQLSTATE " + state + ")";
        return unreachable(config, detail);
    }

    private static List<ConfigProblem> unreachable(ConnectionConfig config, String detail) {
        String message = "cannot connect to " + config.address() + " as '" + config.server().user() + "': " + detail;
        return List.of(problem(ServerConnectionConfig.HOSTNAME, config.server().hostname(), message),
                problem(ServerConnectionConfig.PORT, Integer.toString(config.server().port()), message));
    }

    private static ConfigProblem problem(String key, String value, String message) {
        return new ConfigProblem(key, "Invalid value " + value + " for configuration " + key + ": " + message);
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable cause : dev.cdc.core.errors.CauseChain.of(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return failure instanceof SQLException sql ? sql : null;
    }
}
