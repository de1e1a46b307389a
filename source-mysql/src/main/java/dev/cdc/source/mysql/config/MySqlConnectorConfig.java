package dev.cdc.source.mysql.config;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.CommonSourceConfig;
import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.EventConfig;
import dev.cdc.core.config.FilterConfig;
import dev.cdc.core.config.MessageWording;
import dev.cdc.core.config.SnapshotConfig;
import dev.cdc.source.mysql.filter.CaptureFilter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The whole configuration of the MySQL/MariaDB source, composed of one small config per concern,
 * most of them cdc-core's ({@link CommonSourceConfig}, {@link FilterConfig}, {@link SnapshotConfig},
 * {@link EventConfig}) declared with this source's parameters.
 * {@link #CONFIG_DEF} declares every key once; {@link #parse} checks the single keys (through the
 * validators of the definition) and then the rules that involve two keys.
 */
public final class MySqlConnectorConfig {
    /** How this source words missing values and problems across keys; declared first, the definitions below use it. */
    static final MessageWording WORDING = MessageWording.KEY_FIRST;

    /** {@code database.include.list}, {@code table.include.list}, ... matched by {@link CaptureFilter}. */
    static final FilterConfig.Definition<CaptureFilter> FILTERS = new FilterConfig.Definition<>("database", CaptureFilter::new, WORDING);

    static final SnapshotConfig.Definition<SnapshotMode> SNAPSHOT = new SnapshotConfig.Definition<>(SnapshotMode.class,
            SnapshotMode::parse, SnapshotMode.INITIAL, "When to snapshot: initial (when there is no offset yet), never, when_needed"
                    + " (also when the stored binlog position was purged).", WORDING);

    /** Every key of the connector, with its type, default, validator and documentation. */
    public static final ConfigDef CONFIG_DEF = define();

    private final ConnectionConfig connection;
    private final FilterConfig<CaptureFilter> filters;
    private final SnapshotConfig<SnapshotMode> snapshot;
    private final CommonSourceConfig common;
    private final EventConfig events;
    private final DecodingConfig decoding;
    private final OnDemandSnapshotConfig onDemandSnapshot;
    private final SignalConfig signals;

    private MySqlConnectorConfig(AbstractConfig config) {
        this.connection = new ConnectionConfig(config);
        this.filters = FILTERS.from(config);
        this.snapshot = SNAPSHOT.from(config);
        this.common = CommonSourceConfig.from(config);
        this.events = EventConfig.from(config);
        this.decoding = new DecodingConfig(config);
        this.onDemandSnapshot = new OnDemandSnapshotConfig(config);
        this.signals = new SignalConfig(config);
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        ConnectionConfig.define(def);
        CommonSourceConfig.define(def);
        EventConfig.define(def);
        FILTERS.define(def);
        SNAPSHOT.define(def);
        DecodingConfig.define(def);
        OnDemandSnapshotConfig.define(def);
        SignalConfig.define(def);
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
            throw WORDING.toException(problems.get(0), properties);
        }
        return new MySqlConnectorConfig(config);
    }

    /** Problems that involve more than one key, each attached to a key. */
    public static List<ConfigProblem> crossFieldProblems(Map<String, ?> properties) {
        List<ConfigProblem> problems = new java.util.ArrayList<>(FILTERS.crossFieldProblems(properties));
        OnDemandSnapshotConfig.problem(properties).ifPresent(problems::add);
        return problems;
    }

    public ConnectionConfig connection() {
        return connection;
    }

    /** {@code database.include.list}, {@code table.include.list}, ...: what is captured. */
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

    public DecodingConfig decoding() {
        return decoding;
    }

    /** {@code snapshot.ondemand.id} / {@code snapshot.ondemand.tables}: a re-snapshot asked for by a config change. */
    public OnDemandSnapshotConfig onDemandSnapshot() {
        return onDemandSnapshot;
    }

    /** {@code signal.data.collection}: the signal table (Debezium's signalling channel), also where chunk watermarks are written. */
    public SignalConfig signals() {
        return signals;
    }

    /**
     * What is captured: the include and exclude lists, less the signal table, whose rows are
     * signals and never change events, and which is never snapshotted.
     */
    public CaptureFilter captureFilter() {
        CaptureFilter filter = filters.filter();
        return signals.table().map(table -> filter.withoutTable(table.catalog().orElseThrow(), table.table())).orElse(filter);
    }

    @Override
    public String toString() {
        return connection + "; topics " + common.topicPrefix() + ".*, " + common.queue() + "; " + events + "; " + filters + "; " + snapshot + "; " + decoding + "; "
                + onDemandSnapshot + "; " + signals;
    }
}
