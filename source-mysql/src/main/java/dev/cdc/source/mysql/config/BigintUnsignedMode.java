package dev.cdc.source.mysql.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code BIGINT UNSIGNED} values travel, by Debezium's {@code bigint.unsigned.handling.mode} names. */
public enum BigintUnsignedMode {
    /**
     * Connect {@code INT64}: exact up to 2^63-1; larger values wrap to negative numbers, as in
     * Debezium's default.
     */
    LONG,
    /** Connect {@code Decimal} with scale 0: exact for the whole range. */
    PRECISE;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the modes allowed */
    public static BigintUnsignedMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a BIGINT UNSIGNED handling mode; allowed: "
                        + Arrays.stream(values()).map(BigintUnsignedMode::configValue).collect(Collectors.joining(", "))));
    }
}
