package dev.cdc.core.errors;

/** Whether a failure may go away when the same work is tried again. */
public enum ErrorKind {
    /** Transient: a restart of the failed part (reconnect, re-read) may succeed. */
    RETRIABLE,
    /** Permanent: retrying cannot help; a person has to fix something first. */
    FATAL
}
