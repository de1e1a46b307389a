package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * What deletes and truncates do.
 *
 * @param deleteEnabled   whether {@code d} events delete
 * @param truncateEnabled whether {@code t} events truncate
 * @param mode            hard (tombstone table) or soft (flag column)
 * @param softDeleteColumn the flag column of soft deletes
 */
public record DeleteConfig(boolean deleteEnabled, boolean truncateEnabled, DeleteMode mode, String softDeleteColumn) {
    public static final String GROUP = "Deletes";
    public static final String DELETE_ENABLED = "delete.enabled";
    public static final String TRUNCATE_ENABLED = "truncate.enabled";
    public static final String MODE = "delete.mode";
    public static final String SOFT_DELETE_COLUMN = "delete.soft.column";
    public static final String DEFAULT_SOFT_DELETE_COLUMN = "__cdc_deleted";

    public DeleteConfig {
        requireNonNull(mode, "mode is null");
        requireNonNull(softDeleteColumn, "softDeleteColumn is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(DELETE_ENABLED, Type.BOOLEAN, true, Importance.HIGH, "Whether delete events (op=d, or __deleted=true "
                        + "rows) delete; tombstones (null values) are always skipped, the delete before them did the work.",
                        GROUP, ++order, Width.SHORT, "Deletes")
                .define(TRUNCATE_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM, "Whether truncate events (op=t) empty the table.",
                        GROUP, ++order, Width.SHORT, "Truncates")
                .define(MODE, Type.STRING, DeleteMode.HARD.configValue(), ConfigValidators.oneOf(DeleteMode.class),
                        Importance.MEDIUM, "hard: delete the row and keep the delete's position in the tombstone table "
                                + "<table>__cdc_deletes, so that a replayed older insert cannot bring the row back; soft: keep "
                                + "the row, set " + SOFT_DELETE_COLUMN + " to true and the position column to the delete's.",
                        GROUP, ++order, Width.SHORT, "Delete mode")
                .define(SOFT_DELETE_COLUMN, Type.STRING, DEFAULT_SOFT_DELETE_COLUMN,
                        ConfigValidators.parsedBy("column name", ColumnNames::check), Importance.LOW,
                        "BOOLEAN column marking soft-deleted rows (delete.mode=soft).", GROUP, ++order, Width.MEDIUM,
                        "Soft-delete column");
    }

    static DeleteConfig from(AbstractConfig config) {
        return new DeleteConfig(
                config.getBoolean(DELETE_ENABLED),
                config.getBoolean(TRUNCATE_ENABLED),
                ConfigValidators.choice(DeleteMode.class, MODE, config.getString(MODE)),
                config.getString(SOFT_DELETE_COLUMN));
    }
}
