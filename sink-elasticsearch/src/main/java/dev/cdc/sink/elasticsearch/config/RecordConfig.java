package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** How records are read and what deletes, tombstones and truncates do. */
public record RecordConfig(
        RecordFormat format,
        String flatPositionField,
        NullValueBehavior nullValueBehavior,
        DeleteBehavior deleteBehavior,
        TruncateBehavior truncateBehavior) {
    public static final String GROUP = "Records";
    public static final String FORMAT = "record.format";
    public static final String FLAT_POSITION_FIELD = "flat.position.field";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String DELETE_BEHAVIOR = "delete.behavior";
    public static final String TRUNCATE_BEHAVIOR = "truncate.behavior";

    public RecordConfig {
        requireNonNull(format, "format is null");
        requireNonNull(flatPositionField, "flatPositionField is null");
        requireNonNull(nullValueBehavior, "nullValueBehavior is null");
        requireNonNull(deleteBehavior, "deleteBehavior is null");
        requireNonNull(truncateBehavior, "truncateBehavior is null");
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(FORMAT, Type.STRING, RecordFormat.ENVELOPE.configValue(), ConfigValidators.oneOf(RecordFormat.class),
                        Importance.HIGH, "'envelope': change events {before, after, source, op} (ours or Debezium's);"
                                + " 'flat': rows after ExtractNewRecordState, versioned by " + FLAT_POSITION_FIELD + ".",
                        GROUP, ++order, Width.SHORT, "Record format")
                .define(FLAT_POSITION_FIELD, Type.STRING, "__source_position", new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM, "With record.format=flat: the int64 field holding the source position"
                                + " (ExtractNewRecordState add.fields=source.position gives __source_position).",
                        GROUP, ++order, Width.MEDIUM, "Flat position field")
                .define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, NullValueBehavior.IGNORE.configValue(),
                        ConfigValidators.oneOf(NullValueBehavior.class), Importance.LOW,
                        "Records with a null value (Kafka tombstones): 'ignore', 'delete' (unversioned delete by key) or 'fail'.",
                        GROUP, ++order, Width.SHORT, "Behavior on null values")
                .define(DELETE_BEHAVIOR, Type.STRING, DeleteBehavior.TOMBSTONE.configValue(), ConfigValidators.oneOf(DeleteBehavior.class),
                        Importance.MEDIUM, "Deletes: 'tombstone' keeps a hidden versioned tombstone document so a late older"
                                + " write can never resurrect the row; 'delete' removes the document (safe only within gc_deletes).",
                        GROUP, ++order, Width.SHORT, "Delete behavior")
                .define(TRUNCATE_BEHAVIOR, Type.STRING, TruncateBehavior.RECREATE.configValue(), ConfigValidators.oneOf(TruncateBehavior.class),
                        Importance.MEDIUM, "Truncates: 'recreate' swaps in an empty index that remembers the truncate position;"
                                + " 'ignore' skips them.", GROUP, ++order, Width.SHORT, "Truncate behavior");
    }

    static RecordConfig from(AbstractConfig config) {
        return new RecordConfig(
                ConfigValidators.parseChoice(RecordFormat.class, FORMAT, config.getString(FORMAT)),
                config.getString(FLAT_POSITION_FIELD),
                ConfigValidators.parseChoice(NullValueBehavior.class, BEHAVIOR_ON_NULL_VALUES, config.getString(BEHAVIOR_ON_NULL_VALUES)),
                ConfigValidators.parseChoice(DeleteBehavior.class, DELETE_BEHAVIOR, config.getString(DELETE_BEHAVIOR)),
                ConfigValidators.parseChoice(TruncateBehavior.class, TRUNCATE_BEHAVIOR, config.getString(TRUNCATE_BEHAVIOR)));
    }
}
