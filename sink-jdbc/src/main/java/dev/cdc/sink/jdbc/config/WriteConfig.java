package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * How rows are written.
 *
 * @param insertMode     upsert (default), insert or update
 * @param batchSize      most changes in one transaction
 * @param positionColumn the column holding the source position of the row's last change
 */
public record WriteConfig(InsertMode insertMode, int batchSize, String positionColumn) {
    public static final String GROUP = "Writes";
    public static final String INSERT_MODE = "insert.mode";
    public static final String BATCH_SIZE = "batch.size";
    public static final String POSITION_COLUMN = "source.position.column";
    public static final String DEFAULT_POSITION_COLUMN = "__cdc_position";

    public WriteConfig {
        requireNonNull(insertMode, "insertMode is null");
        requireNonNull(positionColumn, "positionColumn is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(INSERT_MODE, Type.STRING, InsertMode.UPSERT.configValue(), ConfigValidators.oneOf(InsertMode.class),
                        Importance.HIGH, "upsert: insert or update the row of the key, only when the change's source position "
                                + "is not older than the row's; insert: plain INSERT; update: guarded UPDATE of existing rows.",
                        GROUP, ++order, Width.SHORT, "Insert mode")
                .define(BATCH_SIZE, Type.INT, 1_000, ConfigValidators.between(1, 100_000), Importance.MEDIUM,
                        "Most changes written in one transaction; rows go in multi-row statements, several changes of one "
                                + "key in a batch are reduced to the last.", GROUP, ++order, Width.SHORT, "Batch size")
                .define(POSITION_COLUMN, Type.STRING, DEFAULT_POSITION_COLUMN,
                        ConfigValidators.parsedBy("column name", ColumnNames::check), Importance.LOW,
                        "Column (BIGINT) that holds the source position of the last change applied to the row; the guard of "
                                + "every write compares with it.", GROUP, ++order, Width.MEDIUM, "Source position column");
    }

    static WriteConfig from(AbstractConfig config) {
        return new WriteConfig(
                ConfigValidators.choice(InsertMode.class, INSERT_MODE, config.getString(INSERT_MODE)),
                config.getInt(BATCH_SIZE),
                config.getString(POSITION_COLUMN));
    }
}
