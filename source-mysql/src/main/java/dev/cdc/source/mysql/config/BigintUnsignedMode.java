package dev.cdc.source.mysql.config;

import dev.cdc.core.config.ConfigEnums;

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
        return ConfigEnums.configValue(this);
    }

    /** @throws IllegalArgumentException naming the value and the modes allowed */
    public static BigintUnsignedMode parse(String value) {
        return ConfigEnums.parse(BigintUnsignedMode.class, value, "BIGINT UNSIGNED handling mode");
    }
}
