package dev.cdc.sink.jdbc.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The value of a column the source did not send: Debezium's PostgreSQL connector writes
 * {@value #PLACEHOLDER} (as text, as its UTF-8 bytes, or as a one-element list of it) for an
 * unchanged TOASTed column whose value is not in the WAL; our source sends null and names the
 * column in {@link UnchangedToastHeader}. The sink never updates such a column, so the stored value
 * stays; a row that is not there yet gets NULL (see {@code RowWriter}).
 */
public final class UnavailableValue {
    /** Debezium's default {@code unavailable.value.placeholder}. */
    public static final String PLACEHOLDER = "__debezium_unavailable_value";
    /** Stands for the value of an unavailable column in {@link SinkChange} rows. */
    public static final Object INSTANCE = new UnavailableValue();
    private static final byte[] PLACEHOLDER_BYTES = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    private UnavailableValue() {
    }

    /** Whether a raw Connect value is the placeholder. */
    public static boolean isPlaceholder(Object value) {
        if (value instanceof String text) {
            return PLACEHOLDER.equals(text);
        }
        if (value instanceof byte[] bytes) {
            return Arrays.equals(PLACEHOLDER_BYTES, bytes);
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            return buffer.remaining() == PLACEHOLDER_BYTES.length && buffer.duplicate().equals(java.nio.ByteBuffer.wrap(PLACEHOLDER_BYTES));
        }
        return value instanceof List<?> list && list.size() == 1 && isPlaceholder(list.get(0));
    }

    @Override
    public String toString() {
        return "<unavailable>";
    }
}
