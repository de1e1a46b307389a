package dev.cdc.launcher.connect;

import static java.util.Objects.requireNonNull;

/** State of one connector task as the Connect REST API reports it. */
public record TaskStatus(int id, String state, String workerId, String trace) {
    public TaskStatus {
        requireNonNull(state, "state is null");
    }

    /** The first line of the failure trace: the exception and its message, or null when none. */
    public String firstLineOfTrace() {
        return FailureTraces.cause(trace);
    }
}
