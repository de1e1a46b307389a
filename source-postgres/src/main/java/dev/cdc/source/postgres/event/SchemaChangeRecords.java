package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;

/** Makes the records of {@code <topic.prefix>.schema-changes} from two versions of a table's schema. Thread-safe. */
public final class SchemaChangeRecords {
    private final String topic;
    private final SchemaChangeEventWriter writer = new SchemaChangeEventWriter(PostgresSourceInfo.SOURCE_SCHEMA);

    public SchemaChangeRecords(String topicPrefix) {
        this.topic = TopicNames.schemaChangesTopic(requireNonNull(topicPrefix, "topicPrefix is null"));
    }

    public String topic() {
        return topic;
    }

    /**
     * The record of a table whose schema changed from {@code before} (null: first seen) to {@code after};
     * empty when nothing changed that the diff reports.
     *
     * @param ddl     the DDL text when captured, else null
     * @param renames column renames known from the DDL
     */
    public java.util.Optional<SourceRecord> changed(TableSchema before, TableSchema after, String ddl, List<ColumnRename> renames,
            org.apache.kafka.connect.data.Struct source, long timestampMillis, Map<String, ?> partition, Map<String, ?> offset) {
        List<SchemaChange> changes = SchemaDiff.compare(before, after, renames);
        if (changes.isEmpty()) {
            return java.util.Optional.empty();
        }
        SchemaChangeEvent event = SchemaChangeEvent.builder(after.id(), before == null ? SchemaChangeEvent.Type.CREATE
                        : SchemaChangeEvent.Type.ALTER)
                .source(source)
                .timestampMillis(timestampMillis)
                .position(after.validFromPosition())
                .ddl(ddl)
                .tableSchema(after)
                .changes(changes)
                .build();
        return java.util.Optional.of(new SourceRecord(partition, offset, topic, null, writer.keySchema(), writer.key(event),
                writer.valueSchema(), writer.value(event)));
    }
}
