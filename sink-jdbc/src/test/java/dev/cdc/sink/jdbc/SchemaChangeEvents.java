package dev.cdc.sink.jdbc;

import java.util.List;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;

/**
 * Makes structured schema-change events of the {@code inventory} database as our sources do
 * ({@code schema}'s {@link SchemaChangeEventWriter}), as sink records on {@code test.schema-changes}
 * at increasing offsets of partition 0.
 */
public final class SchemaChangeEvents {
    public static final String TOPIC = "test.schema-changes";
    private static final String DATABASE = "inventory";

    private final SchemaChangeEventWriter writer = new SchemaChangeEventWriter(ChangeEvents.SOURCE_SCHEMA);
    private long offset;

    public static TableId table(String name) {
        return TableId.ofCatalogTable(DATABASE, name);
    }

    /** An ALTER renaming a column; the table afterwards has {@code id} (INT32 key) and {@code to} (STRING). */
    public SinkRecord renameColumn(long position, String table, String from, String to) {
        TableId id = table(table);
        return alter(position, id, List.of("id"), List.of(new SchemaChange.RenameColumn(id, from, to)), to);
    }

    public SinkRecord renameTable(long position, String from, String to) {
        TableId id = table(to);
        return alter(position, id, List.of("id"), List.of(new SchemaChange.RenameTable(table(from), id)), "name");
    }

    public SinkRecord changePrimaryKey(long position, String table, List<String> from, List<String> to) {
        TableId id = table(table);
        return alter(position, id, to, List.of(new SchemaChange.ChangePrimaryKey(id, from, to)), "name");
    }

    public SinkRecord dropTable(long position, String table) {
        TableId id = table(table);
        return record(SchemaChangeEvent.builder(id, SchemaChangeEvent.Type.DROP).position(position).ddl("DROP TABLE " + table)
                .changes(List.of(new SchemaChange.DropTable(id))), position, table);
    }

    public SinkRecord truncate(long position, String table) {
        TableId id = table(table);
        return record(SchemaChangeEvent.builder(id, SchemaChangeEvent.Type.TRUNCATE).position(position).ddl("TRUNCATE " + table)
                .changes(List.of(new SchemaChange.Truncate(id))), position, table);
    }

    private SinkRecord alter(long position, TableId id, List<String> key, List<SchemaChange> changes, String valueColumn) {
        TableSchema.Builder schema = TableSchema.builder(id).column("id", ColumnType.int32(), false);
        if (key.contains(valueColumn)) {
            schema.column(valueColumn, ColumnType.string(255), false);
        } else {
            schema.column(valueColumn, ColumnType.string(), true);
        }
        TableSchema after = schema.primaryKey(key).version(2).validFromPosition(position).build();
        return record(SchemaChangeEvent.builder(id, SchemaChangeEvent.Type.ALTER).position(position).ddl("ALTER TABLE " + id.table())
                .tableSchema(after).changes(changes), position, id.table());
    }

    private SinkRecord record(SchemaChangeEvent.Builder builder, long position, String table) {
        Struct source = new CommonSourceFields("mysql", "test", 0L, SnapshotMarker.FALSE, DATABASE, position)
                .newStruct(ChangeEvents.SOURCE_SCHEMA).put("table", table);
        SchemaChangeEvent event = builder.source(source).timestampMillis(0).build();
        return new SinkRecord(TOPIC, 0, writer.keySchema(), writer.key(event), writer.valueSchema(), writer.value(event), offset++);
    }
}
