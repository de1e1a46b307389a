package dev.cdc.source.mysql.snapshot;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The snapshot thread failed. Always fatal for the task: a restarted task resumes the snapshot at
 * its last finished chunk, from the committed offset.
 */
public final class SnapshotFailedException extends ConnectException {
    public SnapshotFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
