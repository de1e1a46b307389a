package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

/**
 * One row inserted into the signal table, Debezium's layout: {@code id} (any text, unique),
 * {@code type} ({@code execute-snapshot}, or the watermark types this connector writes) and
 * {@code data} (JSON, may be null).
 */
public record Signal(String id, String type, String data) {
    /** Debezium's signal that asks for a snapshot of some tables while streaming goes on. */
    public static final String EXECUTE_SNAPSHOT = "execute-snapshot";
    /** A chunk's low watermark row (Debezium's type name). */
    public static final String WINDOW_OPEN = "snapshot-window-open";
    /** A chunk's high watermark row (Debezium's type name). */
    public static final String WINDOW_CLOSE = "snapshot-window-close";

    public Signal {
        requireNonNull(type, "type is null");
    }

    public boolean isWatermark() {
        return WINDOW_OPEN.equals(type) || WINDOW_CLOSE.equals(type);
    }
}
