package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;
import dev.cdc.schema.history.SchemaHistoryEntry;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.history.OffsetSchemaHistory;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DdlEventHandler} of the connector: for each captured table a DDL touches, it works out
 * the table's new schema, records it in the durable schema history, and emits one schema-change
 * event on {@code <topic.prefix>.schema-changes} (DDL text plus the structured changes of
 * {@link SchemaDiff}); a TRUNCATE also emits an {@code op=t} record on the table's topic.
 *
 * <p>The new schema comes from the DDL itself ({@link DdlSchemas}: helper-4's parser applied to a
 * catalog), so it is the schema at the DDL's position. Only when the DDL does not give it (a
 * statement the parser cannot follow, {@code CREATE TABLE ... SELECT}) is it read from
 * {@code information_schema} ({@link TableDefinitions}), which gives the schema <em>now</em>: a
 * connector lagging behind later DDL then reports the newer definition early. Records are never
 * affected (they follow the table maps). The "before" of the diff is the durable history's entry,
 * and the DDL's column renames are passed as hints, so a rename is not reported as drop + add. A
 * DDL whose position is not after the history's entry of the table was already handled before a
 * restart and emits nothing again.
 */
public final class SchemaChangeRecorder implements DdlEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaChangeRecorder.class);

    private final CaptureFilter filter;
    private final TableDefinitions definitions;
    private final DdlSchemas schemas;
    private final OffsetSchemaHistory history;
    private final TableMapCache tables;
    private final StreamChangeObserver observer;
    private final MySqlSourceInfo sourceInfo;
    private final Map<String, ?> streamPartition;
    private final String topic;
    private final SchemaChangeEventWriter writer = new SchemaChangeEventWriter(MySqlSourceInfo.SCHEMA);

    public SchemaChangeRecorder(String topicPrefix, Map<String, ?> streamPartition, CaptureFilter filter, TableDefinitions definitions,
            DdlSchemas schemas, OffsetSchemaHistory history, TableMapCache tables, StreamChangeObserver observer) {
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.definitions = requireNonNull(definitions, "definitions is null");
        this.history = requireNonNull(history, "history is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.streamPartition = requireNonNull(streamPartition, "streamPartition is null");
        this.sourceInfo = new MySqlSourceInfo(topicPrefix);
        this.topic = TopicNames.schemaChangesTopic(topicPrefix);
    }

    /** Reads a table's definition as it is now; empty when it does not exist. */
    @FunctionalInterface
    public interface TableDefinitions {
        Optional<MySqlTable> table(TableId table) throws Exception;
    }

    @Override
    public List<SourceRecord> handle(DdlEvent event) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        for (DdlSchemas.TableDdl touched : schemas.apply(event.sql(), event.defaultDatabase(), event.position())) {
            if (!captured(touched.table()) && (touched.previous() == null || !captured(touched.previous()))) {
                continue;
            }
            switch (touched.kind()) {
                case TRUNCATE -> truncate(touched.table(), event, records);
                case DROP -> drop(touched.table(), event, records);
                case CREATE, ALTER, RENAME -> createOrAlter(touched, event, records);
            }
        }
        return records;
    }

    /**
     * One CREATE event per table whose history entry was missing or damaged at start and rebuilt
     * from {@code information_schema}: it stores the rebuilt entry durably (as its offset) and tells
     * consumers the table's schema, as Debezium does for the tables it starts with.
     */
    public List<SourceRecord> rebuilt(List<TableId> tables, BinlogPosition start) {
        List<SourceRecord> records = new ArrayList<>();
        for (TableId table : tables) {
            Optional<TableSchema> schema = history.latest(table);
            if (schema.isEmpty()) {
                continue;
            }
            SourceInfo source = sourceInfo.of(new MySqlSourceInfo.Event(System.currentTimeMillis(), SnapshotMarker.FALSE,
                    table.catalog().orElse(""), table.table(), 0, null, start.file(), start.position(), 0, null, null, start.sourcePosition()));
            SchemaChangeEvent change = SchemaChangeEvent.builder(table, SchemaChangeEvent.Type.CREATE).source(source.struct())
                    .timestampMillis(System.currentTimeMillis()).position(start.sourcePosition()).tableSchema(schema.get())
                    .changes(SchemaDiff.compare(null, schema.get())).build();
            records.add(record(table, change, history.record(SchemaHistoryEntry.of(schema.get(), null))));
        }
        return records;
    }

    private boolean captured(TableId table) {
        return filter.isTableCaptured(table.catalog().orElse(""), table.table());
    }

    private void truncate(TableId table, DdlEvent event, List<SourceRecord> records) throws Exception {
        observer.truncated(table);
        TableBinding binding = tables.latest(table, definitions.table(table));
        SourceInfo source = source(table, event);
        if (binding != null) {
            records.add(binding.records().truncate(EventContext.of(streamPartition, event.offsetAfter(), source)));
        }
        SchemaChangeEvent change = SchemaChangeEvent.builder(table, SchemaChangeEvent.Type.TRUNCATE).source(source.struct())
                .timestampMillis(System.currentTimeMillis()).position(event.position()).ddl(event.sql())
                .changes(List.of(new SchemaChange.Truncate(table))).build();
        records.add(new SourceRecord(streamPartition, event.offsetAfter(), topic, null, writer.keySchema(), writer.key(change),
                writer.valueSchema(), writer.value(change)));
    }

    private void drop(TableId table, DdlEvent event, List<SourceRecord> records) {
        Optional<TableSchema> before = history.latest(table);
        tables.forget(table);
        if (before.isEmpty() || before.get().validFromPosition() >= event.position()) {
            return;
        }
        SchemaChangeEvent change = SchemaChangeEvent.builder(table, SchemaChangeEvent.Type.DROP).source(source(table, event).struct())
                .timestampMillis(System.currentTimeMillis()).position(event.position()).ddl(event.sql()).tableSchema(before.get())
                .changes(SchemaDiff.compare(before.get(), null)).build();
        records.add(record(table, change, history.record(SchemaHistoryEntry.dropped(table, event.position(), event.sql()))));
        LOG.info("Schema history: {} dropped at {}:{}", table.displayName(), event.file(), event.pos());
    }

    private void createOrAlter(DdlSchemas.TableDdl touched, DdlEvent event, List<SourceRecord> records) throws Exception {
        TableId table = touched.table();
        TableId previousId = touched.previous() != null ? touched.previous() : table;
        tables.forget(previousId);
        tables.forget(table);
        Optional<TableSchema> before = history.latest(previousId);
        if (before.isPresent() && before.get().validFromPosition() >= event.position()) {
            return;
        }
        Optional<MySqlTable> now = touched.after().isPresent() ? touched.after() : definitions.table(table);
        if (touched.after().isEmpty()) {
            now.ifPresent(schemas::define);
        }
        if (now.isEmpty()) {
            LOG.warn("Schema history: {} at {}:{} changed {}, which no longer exists; no schema-change event", touched.kind(),
                    event.file(), event.pos(), table.displayName());
            return;
        }
        TableSchema after = now.get().toTableSchema(history.nextVersion(table), event.position());
        List<SchemaChange> changes = diff(before.orElse(null), after, touched.renames());
        SchemaChangeEvent.Type type = before.isEmpty() ? SchemaChangeEvent.Type.CREATE : SchemaChangeEvent.Type.ALTER;
        SchemaChangeEvent change = SchemaChangeEvent.builder(table, type).source(source(table, event).struct())
                .timestampMillis(System.currentTimeMillis()).position(event.position()).ddl(event.sql()).tableSchema(after)
                .changes(changes).build();
        if (!previousId.equals(table)) {
            history.record(SchemaHistoryEntry.dropped(previousId, event.position(), event.sql()));
        }
        records.add(record(table, change, history.record(SchemaHistoryEntry.of(after, event.sql()))));
        LOG.info("Schema history: {} {} at {}:{}, version {}: {}", table.displayName(), type, event.file(), event.pos(), after.version(),
                changes);
    }

    private static List<SchemaChange> diff(TableSchema before, TableSchema after, List<ColumnRename> renames) {
        if (before == null || renames.isEmpty()) {
            return SchemaDiff.compare(before, after);
        }
        try {
            return SchemaDiff.compare(before, after, renames);
        } catch (IllegalArgumentException e) {
            LOG.warn("Schema history: the renames {} of the DDL do not match the stored schema of {} ({}); diffing without them",
                    renames, before.id().displayName(), e.getMessage());
            return SchemaDiff.compare(before, after);
        }
    }

    private SourceInfo source(TableId table, DdlEvent event) {
        return sourceInfo.of(new MySqlSourceInfo.Event(event.timestampMillis(), SnapshotMarker.FALSE, table.catalog().orElse(""),
                table.table(), event.serverId(), event.gtid(), event.file(), event.pos(), 0, event.thread(), event.sql(), event.position()));
    }

    private SourceRecord record(TableId table, SchemaChangeEvent change, Map<String, ?> offset) {
        return new SourceRecord(history.partition(table), offset, topic, null, writer.keySchema(), writer.key(change),
                writer.valueSchema(), writer.value(change));
    }
}
