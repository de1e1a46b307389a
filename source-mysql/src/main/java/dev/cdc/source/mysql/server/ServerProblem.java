package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

/**
 * One thing about the server that stops the connector (an error) or that a person should know
 * (a warning), with the exact fix.
 */
public record ServerProblem(Severity severity, String what, String fix) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public ServerProblem {
        requireNonNull(severity, "severity is null");
        requireNonNull(what, "what is null");
        requireNonNull(fix, "fix is null");
    }

    static ServerProblem error(String what, String fix) {
        return new ServerProblem(Severity.ERROR, what, fix);
    }

    static ServerProblem warning(String what, String fix) {
        return new ServerProblem(Severity.WARNING, what, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return what + ". Fix: " + fix;
    }
}
