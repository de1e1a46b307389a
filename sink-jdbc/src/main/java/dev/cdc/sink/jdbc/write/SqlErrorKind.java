package dev.cdc.sink.jdbc.write;

/** What a failed write means for the sink. */
public enum SqlErrorKind {
    /** The database or the connection had a passing problem: retry the batch after a backoff. */
    TRANSIENT,
    /** A row the target rejects (bad data, constraint): find the record and send it to the dead letter queue. */
    BAD_ROW,
    /** Anything else (privileges, missing objects, syntax): stop the task with the message. */
    FATAL
}
