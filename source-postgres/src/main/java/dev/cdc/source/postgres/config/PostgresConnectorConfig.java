package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.cdc.core.config.CommonSourceConfig;

/**
 * The whole configuration of the PostgreSQL source, composed of one small config per concern,
 * including the keys every source shares ({@link CommonSourceConfig}). {@link #CONFIG_DEF}
 * declares every key once; {@link #parse} checks the single keys (through the validators of the
 * definition) and then the rules that involve two keys.
 */
public final class PostgresConnectorConfig {
    /** Every key of the connector, with its type, default, validator and documentation. */
    public static final ConfigDef CONFIG_DEF = define();

    private final ConnectionConfig connection;
    private final ReplicationConfig replication;
    private final FilterConfig filters;
    private final SnapshotConfig snapshot;
    private final CommonSourceConfig common;
    private final EventConfig events;
    private final SignalConfig signals;

    private PostgresConnectorConfig(AbstractConfig config) {
        this.connection = new ConnectionConfig(config);
        this.replication = new ReplicationConfig(config);
        this.filters = new FilterConfig(config);
        this.snapshot = new SnapshotConfig(config);
        this.common = CommonSourceConfig.from(config);
        this.events = new EventConfig(config);
        this.signals = new SignalConfig(config);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        ConnectionConfig.define(def);
        CommonSourceConfig.define(def);
        ReplicationConfig.define(def);
        FilterConfig.define(def);
        SnapshotConfig.define(def);
        EventConfig.define(def);
        SignalConfig.define(def);
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
            throw new ConfigException(problems.get(0).message());
        }
        return new PostgresConnectorConfig(config);
    }

    /** Problems that involve more than one key, each attached to a key. */
    public static List<ConfigProblem> crossFieldProblems(Map<String, ?> properties) {
        return List.copyOf(FilterConfig.crossFieldProblems(properties));
    }

    public ConnectionConfig connection() {
        return connection;
    }

    public ReplicationConfig replication() {
        return replication;
    }

    public FilterConfig filters() {
        return filters;
    }

    public SnapshotConfig snapshot() {
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

    @Override
    public String toString() {
        return connection + "; topics " + common.topicPrefix() + ".*, " + common.queue() + ", " + common.heartbeat() + "; "
                + replication + "; " + filters + "; " + snapshot + "; " + events + "; " + signals;
    }
}
