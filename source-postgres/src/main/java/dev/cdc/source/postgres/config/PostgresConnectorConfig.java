package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.cdc.core.config.CommonSourceConfig;
import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.EventConfig;
import dev.cdc.core.config.FilterConfig;
import dev.cdc.core.config.MessageWording;
import dev.cdc.core.config.SnapshotConfig;

/**
 * The whole configuration of the PostgreSQL source, composed of one small config per concern,
 * several of them cdc-core's ({@link CommonSourceConfig}, {@link FilterConfig}, {@link SnapshotConfig},
 * {@link EventConfig}) declared with this source's parameters. {@link #CONFIG_DEF}
 * declares every key once; {@link #parse} checks the single keys (through the validators of the
 * definition) and then the rules that involve two keys.
 */
public final class PostgresConnectorConfig {
    /** How this source words missing values and problems across keys; declared first, the definitions below use it. */
    static final MessageWording WORDING = MessageWording.CONNECT;

    /** {@code schema.include.list}, {@code table.include.list}, ... matched by {@link CaptureFilter}. */
    static final FilterConfig.Definition<CaptureFilter> FILTERS = new FilterConfig.Definition<>("schema", CaptureFilter::new, WORDING);

    static final SnapshotConfig.Definition<SnapshotMode> SNAPSHOT = new SnapshotConfig.Definition<>(SnapshotMode.class,
            SnapshotMode::parse, SnapshotMode.INITIAL, "When to snapshot: initial (when there is no offset yet, then stream),"
                    + " initial_only (snapshot, no streaming), no_data or never (stream only), when_needed (also when the slot"
                    + " was dropped or invalidated).", WORDING);

    /** Every key of the connector, with its type, default, validator and documentation. */
    public static final ConfigDef CONFIG_DEF = define();

    private final ConnectionConfig connection;
    private final ReplicationConfig replication;
    private final FilterConfig<CaptureFilter> filters;
    private final SnapshotConfig<SnapshotMode> snapshot;
    private final CommonSourceConfig common;
    private final EventConfig events;
    private final SignalConfig signals;
    private final MessageKeyConfig messageKeys;

    private PostgresConnectorConfig(AbstractConfig config) {
        this.connection = new ConnectionConfig(config);
        this.replication = new ReplicationConfig(config);
        this.filters = FILTERS.from(config);
        this.snapshot = SNAPSHOT.from(config);
        this.common = CommonSourceConfig.from(config);
        this.events = EventConfig.from(config);
        this.signals = new SignalConfig(config);
        this.messageKeys = new MessageKeyConfig(config);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        ConnectionConfig.define(def);
        CommonSourceConfig.define(def);
        ReplicationConfig.define(def);
        FILTERS.define(def);
        SNAPSHOT.define(def);
        EventConfig.define(def);
        SignalConfig.define(def);
        MessageKeyConfig.define(def);
        return def;
    }

    /**
     * Parses and checks connector properties.
     *
     * @throws ConfigException naming the first bad key, its value and what is allowed
     */
    public static PostgresConnectorConfig parse(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, properties, false);
        List<ConfigProblem> problems = crossFieldProblems(properties);
        if (!problems.isEmpty()) {
            throw WORDING.toException(problems.get(0), properties);
        }
        return new PostgresConnectorConfig(config);
    }

    /** Problems that involve more than one key, each attached to a key. */
    public static List<ConfigProblem> crossFieldProblems(Map<String, ?> properties) {
        return FILTERS.crossFieldProblems(properties);
    }

    public ConnectionConfig connection() {
        return connection;
    }

    public ReplicationConfig replication() {
        return replication;
    }

    /** {@code schema.include.list}, {@code table.include.list}, ...: what is captured. */
    public FilterConfig<CaptureFilter> filters() {
        return filters;
    }

    public SnapshotConfig<SnapshotMode> snapshot() {
        return snapshot;
    }

    /** {@code topic.prefix}, the queue between reader and {@code poll()}, heartbeats: the keys every source shares. */
    public CommonSourceConfig common() {
        return common;
    }

    public EventConfig events() {
        return events;
    }

    /** {@code signal.data.collection}: on-demand re-snapshots. */
    public SignalConfig signals() {
        return signals;
    }

    /** {@code message.key.columns}: message keys other than the primary key. */
    public MessageKeyConfig messageKeys() {
        return messageKeys;
    }

    @Override
    public String toString() {
        return connection + "; topics " + common.topicPrefix() + ".*, " + common.queue() + ", " + common.heartbeat() + "; "
                + replication + "; " + filters + "; " + snapshot + "; " + events + "; " + messageKeys + "; " + signals;
    }
}
