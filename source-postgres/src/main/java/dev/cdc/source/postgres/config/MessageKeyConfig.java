package dev.cdc.source.postgres.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import dev.cdc.core.config.Validators;

/** Debezium's {@code message.key.columns}: the columns of the message key of chosen tables ({@link MessageKeyColumns}). */
public final class MessageKeyConfig {
    public static final String MESSAGE_KEY_COLUMNS = "message.key.columns";
    public static final String DEFAULT_MESSAGE_KEY_COLUMNS = "";

    private static final String GROUP = "Events";

    private final MessageKeyColumns columns;

    MessageKeyConfig(AbstractConfig config) {
        this.columns = MessageKeyColumns.parse(config.getString(MESSAGE_KEY_COLUMNS));
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(MESSAGE_KEY_COLUMNS, Type.STRING, DEFAULT_MESSAGE_KEY_COLUMNS,
                Validators.described(MessageKeyColumns.FORMAT, MessageKeyConfig::validate), Importance.LOW,
                "The message key of chosen tables, instead of the primary key (or for a table without one): "
                        + MessageKeyColumns.FORMAT + ". The table part is a regular expression matched against the whole"
                        + " schema.table name, case-insensitively; the first matching entry wins. The columns must exist; for"
                        + " the key of deletes and of updates that change it, they must be in the replica identity (REPLICA"
                        + " IDENTITY FULL). Empty: the primary key.", GROUP, 1, Width.LONG, "Message key columns");
    }

    private static void validate(String key, Object value) {
        try {
            MessageKeyColumns.parse(value == null ? "" : value.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage() + "; expected " + MessageKeyColumns.FORMAT);
        }
    }

    public MessageKeyColumns columns() {
        return columns;
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
