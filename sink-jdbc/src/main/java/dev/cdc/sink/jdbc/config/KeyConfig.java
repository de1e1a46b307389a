package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the target's primary key comes from.
 *
 * @param mode   record_key (default), record_value or none
 * @param fields the key columns; empty means all fields of a struct key
 */
public record KeyConfig(PrimaryKeyMode mode, List<String> fields) {
    public static final String GROUP = "Primary key";
    public static final String MODE = "primary.key.mode";
    public static final String FIELDS = "primary.key.fields";

    public KeyConfig {
        requireNonNull(mode, "mode is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(MODE, Type.STRING, PrimaryKeyMode.RECORD_KEY.configValue(), ConfigValidators.oneOf(PrimaryKeyMode.class),
                        Importance.HIGH, "Where the primary key comes from: record_key (the fields of the record key; a "
                                + "primitive key needs one column name in primary.key.fields), record_value (the row fields "
                                + "named in primary.key.fields) or none (insert.mode=insert only, no deletes, no position guard).",
                        GROUP, ++order, Width.SHORT, "Primary key mode")
                .define(FIELDS, Type.LIST, "", Importance.MEDIUM, "Comma-separated primary key columns. record_key: a subset "
                                + "of the key fields (empty: all), or the column name of a primitive key. record_value: required.",
                        GROUP, ++order, Width.LONG, "Primary key fields");
    }

    static KeyConfig from(AbstractConfig config) {
        PrimaryKeyMode mode = ConfigValidators.choice(PrimaryKeyMode.class, MODE, config.getString(MODE));
        List<String> fields = config.getList(FIELDS).stream().map(String::trim).filter(field -> !field.isEmpty()).toList();
        if (mode == PrimaryKeyMode.RECORD_VALUE && fields.isEmpty()) {
            throw new ConfigException(FIELDS, "", "must name the key columns when " + MODE + "=record_value, e.g. 'id' or 'order_id,line'");
        }
        if (mode == PrimaryKeyMode.NONE && !fields.isEmpty()) {
            throw new ConfigException(FIELDS, String.join(",", fields), "must be empty when " + MODE + "=none");
        }
        return new KeyConfig(mode, fields);
    }
}
