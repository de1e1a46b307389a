package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;
import dev.cdc.schema.history.SchemaHistoryEntry;
import dev.cdc.source.postgres.history.OffsetSchemaHistory;

/**
 * Makes the records of {@code <topic.prefix>.schema-changes}. Each record's source partition is
 * the table's partition of the {@link OffsetSchemaHistory} and its offset the table's new history
 * entry, so Connect stores the table's schema when Kafka holds the event. Used by the reader thread.
 */
public final class SchemaChangeRecords {
    private final String topic;
    private final OffsetSchemaHistory history;
    private final SchemaChangeEventWriter writer = new SchemaChangeEventWriter(PostgresSourceInfo.SOURCE_SCHEMA);

    public SchemaChangeRecords(String topicPrefix, OffsetSchemaHistory history) {
        this.topic = TopicNames.schemaChangesTopic(requireNonNull(topicPrefix, "topicPrefix is null"));
        this.history = requireNonNull(history, "history is null");
    }

    public String topic() {
        return topic;
    }

    /**
     * The record of a table whose schema changed from {@code before} (null: first seen, a CREATE
     * event) to {@code after}; empty when the diff reports nothing. Records {@code after} in the history.
     *
     * @param ddl     the DDL text when captured
     * @param renames column renames known from the DDL
     */
    public Optional<SourceRecord> changed(long tableOid, TableSchema before, TableSchema after, Optional<String> ddl,
            List<ColumnRename> renames, Struct source, long timestampMillis) {
        List<SchemaChange> changes = SchemaDiff.compare(before, after, renames);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        SchemaChangeEvent event = SchemaChangeEvent.builder(after.id(), before == null ? SchemaChangeEvent.Type.CREATE
                        : SchemaChangeEvent.Type.ALTER)
                .source(source)
                .timestampMillis(timestampMillis)
                .position(after.validFromPosition())
                .ddl(ddl.orElse(null))
                .tableSchema(after)
                .changes(changes)
                .build();
        return Optional.of(record(tableOid, event, SchemaHistoryEntry.of(after, ddl.orElse(null))));
    }

    /** The DROP record of a table; records the drop in the history. */
    public SourceRecord dropped(long tableOid, TableId table, long position, String ddl, Struct source, long timestampMillis) {
        SchemaChangeEvent event = SchemaChangeEvent.builder(table, SchemaChangeEvent.Type.DROP)
                .source(source)
                .timestampMillis(timestampMillis)
                .position(position)
                .ddl(ddl)
                .changes(List.of(new SchemaChange.DropTable(table)))
                .build();
        return record(tableOid, event, SchemaHistoryEntry.dropped(table, position, ddl));
    }

    /** The TRUNCATE record of a table; its history entry stays as it is. */
    public SourceRecord truncated(long tableOid, TableSchema current, long position, String ddl, Struct source, long timestampMillis) {
        SchemaChangeEvent event = SchemaChangeEvent.builder(current.id(), SchemaChangeEvent.Type.TRUNCATE)
                .source(source)
                .timestampMillis(timestampMillis)
                .position(position)
                .ddl(ddl)
                .changes(List.of(new SchemaChange.Truncate(current.id())))
                .build();
        return record(tableOid, event, SchemaHistoryEntry.of(current, null));
    }

    private SourceRecord record(long tableOid, SchemaChangeEvent event, SchemaHistoryEntry entry) {
        Map<String, Object> offset = history.record(tableOid, entry);
        return new SourceRecord(history.partition(tableOid), offset, topic, null, writer.keySchema(), writer.key(event),
                writer.valueSchema(), writer.value(event));
    }
}
