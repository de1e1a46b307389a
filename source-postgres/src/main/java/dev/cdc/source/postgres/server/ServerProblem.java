package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

/**
 * One finding of the start-up checks: what is wrong, with the fix when known.
 *
 * @param check    the check that found it, e.g. {@code wal_level}
 * @param severity whether the connector refuses to start
 * @param message  what is wrong and how to fix it
 */
public record ServerProblem(String check, Severity severity, String message) {
    /** Errors stop the start; warnings are logged. */
    public enum Severity { ERROR, WARNING }

    public ServerProblem {
        requireNonNull(check, "check is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
    }

    public static ServerProblem error(String check, String message) {
        return new ServerProblem(check, Severity.ERROR, message);
    }

    public static ServerProblem warning(String check, String message) {
        return new ServerProblem(check, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return check + ": " + message;
    }
}
