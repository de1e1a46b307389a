package dev.cdc.source.mysql.config;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.CommonSourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The whole configuration of the MySQL/MariaDB source, composed of one small config per concern,
 * including the keys every source shares ({@link CommonSourceConfig} of cdc-core).
 * {@link #CONFIG_DEF} declares every key once; {@link #parse} checks the single keys (through the
 * validators of the definition) and then the rules that involve two keys.
 */
public final class MySqlConnectorConfig {
    /** Every key of the connector, with its type, default, validator and documentation. */
    public static final ConfigDef CONFIG_DEF = define();

    private final ConnectionConfig connection;
    private final FilterConfig filters;
    private final SnapshotConfig snapshot;
    private final CommonSourceConfig common;
    private final EventConfig events;
    private final DecodingConfig decoding;

    private MySqlConnectorConfig(AbstractConfig config) {
        this.connection = new ConnectionConfig(config);
        this.filters = new FilterConfig(config);
        this.snapshot = new SnapshotConfig(config);
        this.common = CommonSourceConfig.from(config);
        this.events = new EventConfig(config);
        this.decoding = new DecodingConfig(config);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        ConnectionConfig.define(def);
        CommonSourceConfig.define(def);
        EventConfig.define(def);
        FilterConfig.define(def);
        SnapshotConfig.define(def);
        DecodingConfig.define(def);
        return def;
    }

    /**
     * Parses and checks connector properties.
     *
     * @throws ConfigException naming the first bad key, its value and what is allowed
     */
    public static MySqlConnectorConfig parse(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, properties, false);
        List<ConfigProblem> problems = crossFieldProblems(properties);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(first.key(), properties.get(first.key()), first.message());
        }
        return new MySqlConnectorConfig(config);
    }

    /** Problems that involve more than one key, each attached to a key. */
    public static List<ConfigProblem> crossFieldProblems(Map<String, ?> properties) {
        List<ConfigProblem> problems = new ArrayList<>();
        problems.addAll(FilterConfig.crossFieldProblems(properties));
        return List.copyOf(problems);
    }

    public ConnectionConfig connection() {
        return connection;
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

    public DecodingConfig decoding() {
        return decoding;
    }

    @Override
    public String toString() {
        return connection + "; topics " + common.topicPrefix() + ".*, " + common.queue() + "; " + events + "; " + filters + "; " + snapshot + "; " + decoding;
    }
}
