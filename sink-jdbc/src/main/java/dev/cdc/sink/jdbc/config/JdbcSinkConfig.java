package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The sink's configuration, composed of one small config per concern. Every key is declared once,
 * in the {@code define} method of its concern, with type, default, validator and doc together;
 * rules that tie keys of two concerns together are checked in {@link #parse}.
 */
public record JdbcSinkConfig(
        ConnectionConfig connection,
        WriteConfig write,
        KeyConfig key,
        DeleteConfig delete,
        TableConfig table,
        SchemaEvolutionConfig evolution,
        RetryConfig retry) {
    /** Connect's key for how errant records are handled; read to decide between the reporter and a stop. */
    public static final String ERRORS_TOLERANCE = "errors.tolerance";

    private static final ConfigDef CONFIG_DEF = RetryConfig.define(SchemaEvolutionConfig.define(TableConfig.define(
            DeleteConfig.define(KeyConfig.define(WriteConfig.define(ConnectionConfig.define(new ConfigDef())))))));

    public JdbcSinkConfig {
        requireNonNull(connection, "connection is null");
        requireNonNull(write, "write is null");
        requireNonNull(key, "key is null");
        requireNonNull(delete, "delete is null");
        requireNonNull(table, "table is null");
        requireNonNull(evolution, "evolution is null");
        requireNonNull(retry, "retry is null");
    }

    /** Every key of the sink. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    /**
     * Parses and validates connector or task properties.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public static JdbcSinkConfig parse(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, properties, false);
        JdbcSinkConfig parsed = new JdbcSinkConfig(
                ConnectionConfig.from(config),
                WriteConfig.from(config),
                KeyConfig.from(config),
                DeleteConfig.from(config),
                TableConfig.from(config),
                SchemaEvolutionConfig.from(config),
                RetryConfig.from(config));
        parsed.checkCombinations();
        return parsed;
    }

    private void checkCombinations() {
        if (key.mode() == PrimaryKeyMode.NONE) {
            if (write.insertMode() != InsertMode.INSERT) {
                throw new ConfigException(WriteConfig.INSERT_MODE, write.insertMode().configValue(), "needs a primary key; with "
                        + KeyConfig.MODE + "=none only insert.mode=insert is possible");
            }
            if (delete.deleteEnabled()) {
                throw new ConfigException(DeleteConfig.DELETE_ENABLED, true, "needs a primary key to find the row; set "
                        + KeyConfig.MODE + " to record_key or record_value, or delete.enabled=false");
            }
        }
        if (write.positionColumn().equals(delete.softDeleteColumn())) {
            throw new ConfigException(DeleteConfig.SOFT_DELETE_COLUMN, delete.softDeleteColumn(), "must differ from "
                    + WriteConfig.POSITION_COLUMN);
        }
    }
}
