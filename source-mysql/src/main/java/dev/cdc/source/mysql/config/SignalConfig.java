package dev.cdc.source.mysql.config;

import dev.cdc.schema.TableId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Debezium's source signalling channel: {@code signal.data.collection} names a table
 * ({@code database.table}) whose inserted rows {@code (id, type, data)} the connector reads from
 * the binlog as signals ({@code execute-snapshot}), and into which it writes the low and high
 * watermark rows of every snapshot chunk. Its rows are never change events. See the module README,
 * "On-demand re-snapshot".
 */
public final class SignalConfig {
    public static final String SIGNAL_DATA_COLLECTION = "signal.data.collection";
    private static final String GROUP = "Snapshot";
    private static final Pattern TABLE = Pattern.compile("([^.\\s`]+)\\.([^.\\s`]+)");
    private static final String ALLOWED = "empty (no signal table) or the signal table as database.table, e.g. inventory.cdc_signal,"
            + " without quotes, spaces or further dots";

    private final Optional<TableId> table;

    SignalConfig(AbstractConfig config) {
        this.table = parse(config.getString(SIGNAL_DATA_COLLECTION));
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(SIGNAL_DATA_COLLECTION, Type.STRING, "", (name, value) -> {
            try {
                parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, ALLOWED);
            }
        }, Importance.LOW, "The signal table, database.table, with columns id VARCHAR(42) PRIMARY KEY, type VARCHAR(32), data"
                + " VARCHAR(2048) (Debezium's). An inserted row ('any-id', 'execute-snapshot', '{\"data-collections\":"
                + " [\"db.table\"], \"type\": \"incremental\"}') snapshots those tables again while streaming goes on. With a"
                + " signal table, every snapshot chunk writes its low and high watermark rows into it, so the connector user needs"
                + " INSERT on it. Empty: no signals, and watermarks are read with SHOW MASTER STATUS.",
                GROUP, 10, Width.LONG, "Signal table");
    }

    private static Optional<TableId> parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = TABLE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(text);
        }
        return Optional.of(TableId.ofCatalogTable(matcher.group(1), matcher.group(2)));
    }

    /** The signal table; empty when signals are off. */
    public Optional<TableId> table() {
        return table;
    }

    @Override
    public String toString() {
        return table.map(id -> "signal table " + id.displayName()).orElse("no signal table");
    }
}
