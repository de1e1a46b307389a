package dev.cdc.source.mysql.config;

import dev.cdc.core.config.ConfigEnums;

/** When the connector snapshots the captured tables, by Debezium's {@code snapshot.mode} names. */
public enum SnapshotMode {
    /** Snapshot when the connector has no offset, then stream. */
    INITIAL,
    /** Never snapshot; stream from the stored offset, or from the current binlog end when there is none. */
    NEVER,
    /**
     * Snapshot when there is no offset, or when the stored binlog position is no longer on the
     * server (purged); then stream.
     */
    WHEN_NEEDED;

    /** Debezium modes this connector does not offer, with what to use instead. */
    private static final String UNSUPPORTED_HINT = "Debezium's schema_only, no_data, initial_only, recovery, always"
            + " and custom modes are not offered: use initial to snapshot then stream, never to stream only, when_needed"
            + " to re-snapshot when the stored position was purged";

    public String configValue() {
        return ConfigEnums.configValue(this);
    }

    /**
     * Parses a {@code snapshot.mode} value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the modes allowed
     */
    public static SnapshotMode parse(String value) {
        return ConfigEnums.parse(SnapshotMode.class, value, "snapshot mode", UNSUPPORTED_HINT);
    }
}
