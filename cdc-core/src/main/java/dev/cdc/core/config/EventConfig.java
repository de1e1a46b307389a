package dev.cdc.core.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** What a source emits besides change events proper: tombstones after deletes (Debezium's key and default). Immutable. */
public final class EventConfig {
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    public static final boolean DEFAULT_TOMBSTONES_ON_DELETE = true;

    static final String GROUP = "Events";

    private final boolean tombstonesOnDelete;

    public EventConfig(boolean tombstonesOnDelete) {
        this.tombstonesOnDelete = tombstonesOnDelete;
    }

    /** Declares {@code tombstones.on.delete} in {@code definition} and returns it. */
    public static ConfigDef define(ConfigDef definition) {
        return definition.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, DEFAULT_TOMBSTONES_ON_DELETE, Importance.LOW,
                "Whether a delete event is followed by a tombstone (same key, null value) so that log compaction can"
                        + " drop the key.", GROUP, 1, Width.SHORT, "Tombstones on delete");
    }

    public static EventConfig from(AbstractConfig config) {
        return new EventConfig(config.getBoolean(TOMBSTONES_ON_DELETE));
    }

    public boolean tombstonesOnDelete() {
        return tombstonesOnDelete;
    }

    @Override
    public String toString() {
        return "tombstones " + (tombstonesOnDelete ? "on" : "off");
    }
}
