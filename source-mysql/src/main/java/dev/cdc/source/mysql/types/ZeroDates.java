package dev.cdc.source.mysql.types;

/**
 * The marker the binlog deserializer returns for zero and partly zero dates
 * ({@code 0000-00-00}, {@code 2024-00-15}, {@code 0000-00-00 00:00:00}), which no calendar has.
 * It is the value of the library's {@code INVALID_DATE_AND_TIME_AS_MIN_VALUE} mode, so it is the
 * same inside and outside MySQL's compressed transaction payloads.
 */
public final class ZeroDates {
    /** Temporal value of a zero or partly zero DATE or DATETIME. */
    public static final long MARKER = Long.MIN_VALUE;

    private ZeroDates() {
    }

    public static boolean isZero(Object raw) {
        return raw instanceof Long value && value == MARKER;
    }
}
