package dev.cdc.source.postgres.config;

import java.time.Duration;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import dev.cdc.core.config.Validators;

/**
 * The logical replication objects the connector reads through: slot, publication and decoding
 * plugin, with Debezium's key names and defaults (except {@code plugin.name}, whose Debezium
 * default {@code decoderbufs} needs a server extension; ours is {@code pgoutput}, the only one supported).
 */
public final class ReplicationConfig {
    public static final String SLOT_NAME = "slot.name";
    public static final String PUBLICATION_NAME = "publication.name";
    public static final String PUBLICATION_AUTOCREATE_MODE = "publication.autocreate.mode";
    public static final String PLUGIN_NAME = "plugin.name";
    public static final String SLOT_DROP_ON_STOP = "slot.drop.on.stop";
    public static final String STATUS_UPDATE_INTERVAL_MS = "status.update.interval.ms";

    public static final String DEFAULT_SLOT_NAME = "debezium";
    public static final String DEFAULT_PUBLICATION_NAME = "dbz_publication";
    public static final PublicationAutocreateMode DEFAULT_PUBLICATION_AUTOCREATE_MODE = PublicationAutocreateMode.ALL_TABLES;
    public static final LogicalDecodingPlugin DEFAULT_PLUGIN = LogicalDecodingPlugin.PGOUTPUT;
    public static final boolean DEFAULT_SLOT_DROP_ON_STOP = false;
    public static final int DEFAULT_STATUS_UPDATE_INTERVAL_MS = 10_000;

    private static final String GROUP = "Replication";

    private final String slotName;
    private final String publicationName;
    private final PublicationAutocreateMode publicationAutocreateMode;
    private final LogicalDecodingPlugin plugin;
    private final boolean dropSlotOnStop;
    private final Duration statusUpdateInterval;

    ReplicationConfig(AbstractConfig config) {
        this.slotName = config.getString(SLOT_NAME);
        this.publicationName = config.getString(PUBLICATION_NAME);
        this.publicationAutocreateMode = PublicationAutocreateMode.parse(config.getString(PUBLICATION_AUTOCREATE_MODE));
        this.plugin = LogicalDecodingPlugin.parse(config.getString(PLUGIN_NAME));
        this.dropSlotOnStop = config.getBoolean(SLOT_DROP_ON_STOP);
        this.statusUpdateInterval = Duration.ofMillis(config.getInt(STATUS_UPDATE_INTERVAL_MS));
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(SLOT_NAME, Type.STRING, DEFAULT_SLOT_NAME, ConfigValidators.slotName(), Importance.MEDIUM,
                        "Name of the logical replication slot; created when missing. One slot per connector: two connectors"
                                + " on one slot lose changes.", GROUP, ++order, Width.MEDIUM, "Slot")
                .define(PUBLICATION_NAME, Type.STRING, DEFAULT_PUBLICATION_NAME, ConfigValidators.identifier("publication name"),
                        Importance.MEDIUM, "Name of the publication that selects the captured tables for pgoutput.",
                        GROUP, ++order, Width.MEDIUM, "Publication")
                .define(PUBLICATION_AUTOCREATE_MODE, Type.STRING, DEFAULT_PUBLICATION_AUTOCREATE_MODE.configValue(),
                        Validators.oneOf(PublicationAutocreateMode.class, PublicationAutocreateMode::parse), Importance.MEDIUM,
                        "all_tables: create the publication FOR ALL TABLES when missing (needs a superuser); filtered: create it"
                                + " for the captured tables and keep its table list in line with the filters; disabled: it must"
                                + " exist.", GROUP, ++order, Width.SHORT, "Publication autocreate")
                .define(PLUGIN_NAME, Type.STRING, DEFAULT_PLUGIN.configValue(),
                        Validators.oneOf(LogicalDecodingPlugin.class, LogicalDecodingPlugin::parse), Importance.LOW,
                        "Logical decoding output plugin; only pgoutput, built into PostgreSQL, is supported.",
                        GROUP, ++order, Width.SHORT, "Plugin")
                .define(SLOT_DROP_ON_STOP, Type.BOOLEAN, DEFAULT_SLOT_DROP_ON_STOP, Importance.LOW,
                        "Drop the slot when the task stops (tests and experiments only: the next start snapshots again"
                                + " or misses the changes made meanwhile).", GROUP, ++order, Width.SHORT, "Drop slot on stop")
                .define(STATUS_UPDATE_INTERVAL_MS, Type.INT, DEFAULT_STATUS_UPDATE_INTERVAL_MS,
                        Validators.between(100, Integer.MAX_VALUE, PostgresConnectorConfig.WORDING), Importance.LOW,
                        "Milliseconds between two status updates to the server, which confirm the LSN of the committed offset.",
                        GROUP, ++order, Width.SHORT, "Status update interval");
    }

    public String slotName() {
        return slotName;
    }

    public String publicationName() {
        return publicationName;
    }

    public PublicationAutocreateMode publicationAutocreateMode() {
        return publicationAutocreateMode;
    }

    public LogicalDecodingPlugin plugin() {
        return plugin;
    }

    public boolean dropSlotOnStop() {
        return dropSlotOnStop;
    }

    public Duration statusUpdateInterval() {
        return statusUpdateInterval;
    }

    @Override
    public String toString() {
        return "slot " + slotName + ", publication " + publicationName + " (" + publicationAutocreateMode.configValue() + "), "
                + plugin.configValue() + (dropSlotOnStop ? ", slot dropped on stop" : "");
    }
}
