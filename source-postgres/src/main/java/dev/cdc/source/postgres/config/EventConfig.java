package dev.cdc.source.postgres.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** What the connector emits besides change events proper: tombstones after deletes. */
public final class EventConfig {
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    public static final boolean DEFAULT_TOMBSTONES_ON_DELETE = true;

    private static final String GROUP = "Events";

    private final boolean tombstonesOnDelete;

    EventConfig(AbstractConfig config) {
        this.tombstonesOnDelete = config.getBoolean(TOMBSTONES_ON_DELETE);
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, DEFAULT_TOMBSTONES_ON_DELETE, Importance.LOW,
                "Whether a delete event is followed by a tombstone (same key, null value) so that log compaction can"
                        + " drop the key.", GROUP, 1, Width.SHORT, "Tombstones on delete");
    }

    public boolean tombstonesOnDelete() {
        return tombstonesOnDelete;
    }

    @Override
    public String toString() {
        return "tombstones " + (tombstonesOnDelete ? "on" : "off");
    }
}
