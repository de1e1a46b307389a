package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** @param nameFormat the target table name template */
public record TableConfig(TableNameFormat nameFormat) {
    public static final String GROUP = "Tables";
    public static final String NAME_FORMAT = "table.name.format";
    public static final String DEFAULT_NAME_FORMAT = "${source.table}";

    public TableConfig {
        requireNonNull(nameFormat, "nameFormat is null");
    }

    static ConfigDef define(ConfigDef def) {
        return def.define(NAME_FORMAT, Type.STRING, DEFAULT_NAME_FORMAT, ConfigValidators.parsedBy("table name template",
                        TableNameFormat::parse), Importance.MEDIUM,
                "Target table name: text with ${topic} (dots become '_'), ${source.db}, ${source.schema} and ${source.table} "
                        + "(the topic's last part when the record has no source block). One literal dot separates schema or "
                        + "database from table, e.g. archive.${source.db}_${source.table}.",
                GROUP, 1, Width.LONG, "Table name format");
    }

    static TableConfig from(AbstractConfig config) {
        return new TableConfig(TableNameFormat.parse(config.getString(NAME_FORMAT)));
    }
}
