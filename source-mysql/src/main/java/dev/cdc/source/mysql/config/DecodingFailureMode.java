package dev.cdc.source.mysql.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What to do with a binlog event that cannot be decoded, by Debezium's
 * {@code event.deserialization.failure.handling.mode} names.
 */
public enum DecodingFailureMode {
    /** Stop the task with the table, position and reason. */
    FAIL,
    /** Log the table, position and reason at WARN and go on. */
    WARN,
    /** Count the event as skipped, log it at DEBUG, and go on. */
    SKIP;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the modes allowed */
    public static DecodingFailureMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a failure handling mode; allowed: "
                        + Arrays.stream(values()).map(DecodingFailureMode::configValue).collect(Collectors.joining(", "))));
    }
}
