package dev.cdc.source.mysql.config;

import dev.cdc.core.config.ConfigEnums;

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
        return ConfigEnums.configValue(this);
    }

    /** @throws IllegalArgumentException naming the value and the modes allowed */
    public static DecodingFailureMode parse(String value) {
        return ConfigEnums.parse(DecodingFailureMode.class, value, "failure handling mode");
    }
}
