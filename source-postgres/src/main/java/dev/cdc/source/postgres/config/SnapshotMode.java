package dev.cdc.source.postgres.config;

import dev.cdc.core.config.ConfigEnums;

/** When the connector snapshots the captured tables, by Debezium's {@code snapshot.mode} names. */
public enum SnapshotMode {
    /** Snapshot when the connector has no offset, then stream. */
    INITIAL,
    /** Snapshot when the connector has no offset, then stop producing (no streaming). */
    INITIAL_ONLY,
    /** Never snapshot; stream from the stored offset, or from the slot's position when there is none. */
    NO_DATA,
    /** Debezium's older name of {@link #NO_DATA}. */
    NEVER,
    /**
     * Snapshot when there is no offset, or when the stored position can no longer be streamed (the
     * slot was dropped or invalidated); then stream.
     */
    WHEN_NEEDED;

    private static final String UNSUPPORTED_HINT = "Debezium's always, configuration_based, custom and recovery modes are not offered";

    public String configValue() {
        return ConfigEnums.configValue(this);
    }

    /** True when this mode snapshots a connector that has no offset yet. */
    public boolean snapshotsWithoutOffset() {
        return this == INITIAL || this == INITIAL_ONLY || this == WHEN_NEEDED;
    }

    /** True when the connector streams after the snapshot. */
    public boolean streams() {
        return this != INITIAL_ONLY;
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
