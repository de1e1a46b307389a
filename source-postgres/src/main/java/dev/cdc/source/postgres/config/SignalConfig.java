package dev.cdc.source.postgres.config;

import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The signal table through which users ask for an on-demand re-snapshot (Debezium's key). */
public final class SignalConfig {
    public static final String SIGNAL_DATA_COLLECTION = "signal.data.collection";
    public static final String DEFAULT_SIGNAL_DATA_COLLECTION = "";

    private static final String GROUP = "Signals";
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_$]*";

    private final Optional<String> schema;
    private final Optional<String> table;

    SignalConfig(AbstractConfig config) {
        String value = config.getString(SIGNAL_DATA_COLLECTION).trim();
        this.schema = value.isEmpty() ? Optional.empty() : Optional.of(value.substring(0, value.indexOf('.')));
        this.table = value.isEmpty() ? Optional.empty() : Optional.of(value.substring(value.indexOf('.') + 1));
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(SIGNAL_DATA_COLLECTION, Type.STRING, DEFAULT_SIGNAL_DATA_COLLECTION, SignalConfig::validate, Importance.LOW,
                "The signal table as schema.table, e.g. public.cdc_signal, with columns (id varchar PRIMARY KEY, type varchar"
                        + " NOT NULL, data varchar). An INSERT of type 'execute-snapshot' with data"
                        + " {\"data-collections\":[\"public.orders\"]} re-snapshots those tables while streaming goes on."
                        + " Empty: no signals.", GROUP, 1, Width.MEDIUM, "Signal table");
    }

    private static void validate(String key, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (!text.isEmpty() && !text.matches(NAME + "\\." + NAME)) {
            throw new ConfigException(key, value, "must be empty or an unquoted schema.table, e.g. public.cdc_signal");
        }
    }

    /** The signal table's schema; empty when signals are off. */
    public Optional<String> schema() {
        return schema;
    }

    /** The signal table's name; empty when signals are off. */
    public Optional<String> table() {
        return table;
    }

    public boolean enabled() {
        return schema.isPresent();
    }

    @Override
    public String toString() {
        return schema.map(name -> "signals from " + name + "." + table.orElseThrow()).orElse("no signals");
    }
}
