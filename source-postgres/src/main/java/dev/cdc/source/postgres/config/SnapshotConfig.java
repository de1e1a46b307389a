package dev.cdc.source.postgres.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * When and in what steps tables are snapshotted. The snapshot reads primary-key chunks of this
 * many rows; the key is the one the MySQL source uses for its chunks (Debezium's incremental
 * snapshot chunk size).
 */
public final class SnapshotConfig {
    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String CHUNK_SIZE = "incremental.snapshot.chunk.size";

    public static final SnapshotMode DEFAULT_SNAPSHOT_MODE = SnapshotMode.INITIAL;
    public static final int DEFAULT_CHUNK_SIZE = 1024;
    public static final int MAX_CHUNK_SIZE = 1_000_000;

    private static final String GROUP = "Snapshot";

    private final SnapshotMode mode;
    private final int chunkSize;

    SnapshotConfig(AbstractConfig config) {
        this.mode = SnapshotMode.parse(config.getString(SNAPSHOT_MODE));
        this.chunkSize = config.getInt(CHUNK_SIZE);
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(SNAPSHOT_MODE, Type.STRING, DEFAULT_SNAPSHOT_MODE.configValue(),
                        ConfigValidators.oneOf(SnapshotMode.class, SnapshotMode::parse), Importance.MEDIUM,
                        "When to snapshot: initial (when there is no offset yet, then stream), initial_only (snapshot, no"
                                + " streaming), no_data or never (stream only), when_needed (also when the slot was dropped or"
                                + " invalidated).", GROUP, ++order, Width.SHORT, "Snapshot mode")
                .define(CHUNK_SIZE, Type.INT, DEFAULT_CHUNK_SIZE, ConfigValidators.between(1, MAX_CHUNK_SIZE), Importance.LOW,
                        "Rows read per primary-key chunk of a snapshot; the snapshot resumes after the last finished chunk.",
                        GROUP, ++order, Width.SHORT, "Snapshot chunk size");
    }

    public SnapshotMode mode() {
        return mode;
    }

    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public String toString() {
        return "snapshot " + mode.configValue() + " in chunks of " + chunkSize;
    }
}
