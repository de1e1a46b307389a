package dev.cdc.source.postgres;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.cdc.source.postgres.history.OffsetSchemaHistory;

/**
 * What outlives one run of the reader ({@link CaptureSession}) within a task: the schema history,
 * which knows what the previous run emitted, and the warnings logged once per task.
 */
final class TaskState {
    private final OffsetSchemaHistory history;
    private final AtomicBoolean ddlCaptureWarned = new AtomicBoolean();

    TaskState(OffsetSchemaHistory history) {
        this.history = requireNonNull(history, "history is null");
    }

    OffsetSchemaHistory history() {
        return history;
    }

    /** True the first time only: the warning that DDL capture is off is logged once per task. */
    boolean firstDdlCaptureWarning() {
        return ddlCaptureWarned.compareAndSet(false, true);
    }
}
