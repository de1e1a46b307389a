package dev.cdc.sink.elasticsearch;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventParser;
import dev.cdc.sink.elasticsearch.config.IndexNameTemplate;
import dev.cdc.sink.elasticsearch.event.TableRef;
import dev.cdc.sink.elasticsearch.index.IndexManager;
import dev.cdc.sink.elasticsearch.backfill.ColumnDefault;
import dev.cdc.sink.elasticsearch.backfill.DefaultLiteral;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the structured schema-change events of {@code <topic.prefix>.schema-changes} (when the
 * sink is subscribed to that topic) for what only they can tell: that a column was renamed rather
 * than dropped and added, and the default an added column gave the rows that existed before. Each
 * {@code RenameColumn} of an event starts a reindex of the table's alias that moves the old field's
 * values to the new name ({@link IndexManager#renameColumns}); each {@code AddColumn} with a
 * constant default ({@link DefaultLiteral}) fills the documents written before
 * ({@link IndexManager#addColumnDefault}).
 * Everything else is left to the rows: new columns are mapped by put-mapping, type changes are
 * seen in the rows' schemas. Debezium's schema-change events carry no structured renames: they
 * are skipped (a rename then looks like drop + add).
 */
final class SchemaChangeApplier {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaChangeApplier.class);
    private static final String TOPIC_SUFFIX = ".schema-changes";
    private final IndexNameTemplate nameTemplate;
    private final IndexManager indexes;
    private boolean debeziumEventsLogged;

    SchemaChangeApplier(IndexNameTemplate nameTemplate, IndexManager indexes) {
        this.nameTemplate = requireNonNull(nameTemplate, "nameTemplate is null");
        this.indexes = requireNonNull(indexes, "indexes is null");
    }

    /** Whether a record is a schema-change event (ours or Debezium's) rather than a change event. */
    static boolean isSchemaChange(SinkRecord record) {
        Schema schema = record.valueSchema();
        return SchemaChangeEventParser.isOurs(schema) || isDebezium(schema);
    }

    private static boolean isDebezium(Schema schema) {
        return schema != null && schema.type() == Schema.Type.STRUCT && schema.field("ddl") != null
                && schema.field("tableChanges") != null && schema.field("op") == null;
    }

    /** Applies the renames of one schema-change event. */
    void apply(SinkRecord record) {
        if (!SchemaChangeEventParser.isOurs(record.valueSchema())) {
            if (!debeziumEventsLogged) {
                debeziumEventsLogged = true;
                LOG.info("Skipping Debezium schema-change events on {}: they carry no structured column renames", record.topic());
            }
            return;
        }
        SchemaChangeEvent event;
        try {
            event = SchemaChangeEventParser.parse((Struct) record.value());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadRecordException("cannot read the schema-change event: " + e.getMessage(), e);
        }
        Map<String, String> renames = new LinkedHashMap<>();
        List<ColumnDefault> defaults = new ArrayList<>();
        for (SchemaChange change : event.changes()) {
            if (change instanceof SchemaChange.RenameColumn rename) {
                renames.put(rename.from(), rename.to());
            } else if (change instanceof SchemaChange.AddColumn add) {
                Optional<String> expression = add.column().defaultValueExpression();
                Optional<JsonValue> value = expression.flatMap(DefaultLiteral::parse);
                value.ifPresent(literal -> defaults.add(new ColumnDefault(add.column().name(), literal, event.position())));
                if (expression.isPresent() && value.isEmpty()) {
                    LOG.info("Column {} of {} was added with default {}, which has no constant value; documents written before"
                            + " keep lacking it until their rows change", add.column().name(), event.table(), expression.get());
                }
            }
        }
        if (renames.isEmpty() && defaults.isEmpty()) {
            return;
        }
        String alias;
        try {
            alias = nameTemplate.resolve(tableRef(record.topic(), event.table())::token);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage(), e);
        }
        if (!renames.isEmpty()) {
            indexes.renameColumns(alias, renames, event.position());
        }
        defaults.forEach(column -> indexes.addColumnDefault(alias, column));
    }

    /** The table as its change events name it: topic {@code <prefix>.<db or schema>.<table>}. */
    static TableRef tableRef(String schemaChangeTopic, TableId table) {
        String prefix = schemaChangeTopic.endsWith(TOPIC_SUFFIX)
                ? schemaChangeTopic.substring(0, schemaChangeTopic.length() - TOPIC_SUFFIX.length())
                : schemaChangeTopic;
        String namespace = table.schema().or(table::catalog).orElse("");
        String dataTopic = namespace.isEmpty() ? prefix + "." + table.table() : prefix + "." + namespace + "." + table.table();
        return TableRef.of(dataTopic, table.catalog().orElse(null), table.schema().orElse(null), table.table());
    }
}
