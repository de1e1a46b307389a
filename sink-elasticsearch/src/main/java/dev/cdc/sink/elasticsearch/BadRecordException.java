package dev.cdc.sink.elasticsearch;

/**
 * A record the sink cannot turn into an Elasticsearch action (no key, an unknown op, a value
 * that does not fit its mapping). It goes to the errant-record reporter when one is configured
 * and {@code errors.tolerance=all}; otherwise it stops the task. The message says what is wrong
 * with the record; the caller adds topic, partition and offset.
 */
public class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }

    public BadRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
