package dev.cdc.sink.jdbc.table;

import org.apache.kafka.connect.errors.ConnectException;

/** The target table does not fit the records and the sink may not (or cannot safely) change it; the task stops. */
public final class SchemaMismatchException extends ConnectException {
    private static final long serialVersionUID = 1L;

    public SchemaMismatchException(String message) {
        super(message);
    }

    public SchemaMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
