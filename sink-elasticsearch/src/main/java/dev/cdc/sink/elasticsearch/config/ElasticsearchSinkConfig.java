package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The sink's configuration, composed of one small config per concern. Every key is declared once,
 * in the {@code define} method of its concern, with type, default, validator and doc together.
 */
public record ElasticsearchSinkConfig(
        ConnectionConfig connection,
        BulkConfig bulk,
        IndexConfig index,
        RecordConfig records) {
    private static final ConfigDef CONFIG_DEF = RecordConfig.define(IndexConfig.define(BulkConfig.define(ConnectionConfig.define(new ConfigDef()))));

    public ElasticsearchSinkConfig {
        requireNonNull(connection, "connection is null");
        requireNonNull(bulk, "bulk is null");
        requireNonNull(index, "index is null");
        requireNonNull(records, "records is null");
    }

    /** Every key of the sink. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    /**
     * Parses and validates connector or task properties.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key, the value and what is allowed
     */
    public static ElasticsearchSinkConfig parse(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, properties, false);
        return new ElasticsearchSinkConfig(
                ConnectionConfig.from(config),
                BulkConfig.from(config),
                IndexConfig.from(config),
                RecordConfig.from(config));
    }
}
