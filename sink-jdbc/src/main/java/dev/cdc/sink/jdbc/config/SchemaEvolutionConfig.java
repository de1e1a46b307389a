package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which DDL the sink runs when a record's schema and the target table differ.
 *
 * @param mode       none, basic (default) or full
 * @param dropPolicy what happens to target columns the records no longer carry
 * @param renames    column rename hints
 * @param dropTablePolicy what a DropTable schema-change event does
 */
public record SchemaEvolutionConfig(SchemaEvolutionMode mode, DropColumnPolicy dropPolicy, ColumnRenameHints renames,
                                    DropTablePolicy dropTablePolicy) {
    public static final String GROUP = "Schema evolution";
    public static final String MODE = "schema.evolution";
    public static final String DROP_COLUMNS = "schema.evolution.drop.columns";
    public static final String COLUMN_RENAMES = "schema.evolution.column.renames";
    public static final String DROP_TABLES = "schema.evolution.drop.tables";

    public SchemaEvolutionConfig {
        requireNonNull(mode, "mode is null");
        requireNonNull(dropPolicy, "dropPolicy is null");
        requireNonNull(renames, "renames is null");
        requireNonNull(dropTablePolicy, "dropTablePolicy is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(MODE, Type.STRING, SchemaEvolutionMode.BASIC.configValue(), ConfigValidators.oneOf(SchemaEvolutionMode.class),
                        Importance.HIGH, "none: no DDL; basic: create missing tables, add missing columns, make columns the "
                                + "records leave out nullable; full: basic plus column renames (" + COLUMN_RENAMES + "), type "
                                + "widenings (INT to BIGINT, VARCHAR(n) to VARCHAR(m>n), DECIMAL precision up...), in-place "
                                + "conversions where the cast keeps every value or fails (INT to VARCHAR, VARCHAR to DATETIME...) and "
                                + "drops by " + DROP_COLUMNS + ". Other type changes stop the task with the SQL to run. Renames "
                                + "from schema-change events apply with basic and full.",
                        GROUP, ++order, Width.SHORT, "Schema evolution")
                .define(DROP_COLUMNS, Type.STRING, DropColumnPolicy.KEEP_NULLABLE.configValue(),
                        ConfigValidators.oneOf(DropColumnPolicy.class), Importance.MEDIUM,
                        "keep_nullable: a column the records no longer carry keeps its values and becomes nullable; drop: it "
                                + "is dropped (schema.evolution=full only; not with topics whose partitions may still carry the "
                                + "older schema).", GROUP, ++order, Width.SHORT, "Dropped columns")
                .define(COLUMN_RENAMES, Type.LIST, "", ConfigValidators.parsedBy("list of table.old:new", ColumnRenameHints::parse),
                        Importance.LOW, "Comma-separated column renames table.old_column:new_column (table: the target table "
                                + "name): the sink renames the column, keeping its values, instead of adding a new one "
                                + "(schema.evolution=full). Renames in schema-change events need no hint.", GROUP, ++order,
                        Width.LONG, "Column renames")
                .define(DROP_TABLES, Type.STRING, DropTablePolicy.KEEP.configValue(), ConfigValidators.oneOf(DropTablePolicy.class),
                        Importance.MEDIUM, "What a DropTable schema-change event (from the <topic.prefix>.schema-changes topic) "
                                + "does: keep: the target table stays with its rows; drop: it is dropped with its tombstone table "
                                + "and the drop's position is kept in __cdc_tables, so a replay does not bring its rows back "
                                + "(schema.evolution=full only).", GROUP, ++order, Width.SHORT, "Dropped tables");
    }

    static SchemaEvolutionConfig from(AbstractConfig config) {
        SchemaEvolutionMode mode = ConfigValidators.choice(SchemaEvolutionMode.class, MODE, config.getString(MODE));
        DropColumnPolicy dropPolicy = ConfigValidators.choice(DropColumnPolicy.class, DROP_COLUMNS, config.getString(DROP_COLUMNS));
        ColumnRenameHints renames = ColumnRenameHints.parse(String.join(",", config.getList(COLUMN_RENAMES)));
        if (dropPolicy == DropColumnPolicy.DROP && mode != SchemaEvolutionMode.FULL) {
            throw new ConfigException(DROP_COLUMNS, dropPolicy.configValue(), "needs " + MODE + "=full (it is "
                    + mode.configValue() + ")");
        }
        if (!renames.isEmpty() && mode != SchemaEvolutionMode.FULL) {
            throw new ConfigException(COLUMN_RENAMES, String.join(",", config.getList(COLUMN_RENAMES)), "needs " + MODE
                    + "=full (it is " + mode.configValue() + ")");
        }
        DropTablePolicy dropTablePolicy = ConfigValidators.choice(DropTablePolicy.class, DROP_TABLES, config.getString(DROP_TABLES));
        if (dropTablePolicy == DropTablePolicy.DROP && mode != SchemaEvolutionMode.FULL) {
            throw new ConfigException(DROP_TABLES, dropTablePolicy.configValue(), "needs " + MODE + "=full (it is "
                    + mode.configValue() + ")");
        }
        return new SchemaEvolutionConfig(mode, dropPolicy, renames, dropTablePolicy);
    }
}
