package dev.cdc.sink.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;

/**
 * Makes change events of one table as our sources do (cdc-core's {@link ChangeRecordFactory}), as
 * sink records at increasing offsets of partition 0. The key is the row's first field.
 */
public final class ChangeEvents {
    static final Schema SOURCE_SCHEMA = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private final String topic;
    private final String table;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final ChangeRecordFactory factory;
    private long offset;

    public ChangeEvents(String table, Schema rowSchema) {
        this.table = requireNonNull(table, "table is null");
        this.topic = "test.inventory." + table;
        this.rowSchema = requireNonNull(rowSchema, "rowSchema is null");
        Field keyField = rowSchema.fields().get(0);
        this.keySchema = SchemaBuilder.struct().name(topic + ".Key").field(keyField.name(), keyField.schema()).build();
        this.factory = new ChangeRecordFactory(topic, keySchema, rowSchema, SOURCE_SCHEMA, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** The same table with another row schema (a schema change), continuing the offsets. */
    public ChangeEvents withRowSchema(Schema newRowSchema) {
        ChangeEvents next = new ChangeEvents(table, newRowSchema);
        next.offset = offset;
        return next;
    }

    /** A row of the row schema, values in field order. */
    public Struct row(Object... values) {
        Struct row = new Struct(rowSchema);
        for (int i = 0; i < values.length; i++) {
            row.put(rowSchema.fields().get(i), values[i]);
        }
        return row;
    }

    public SinkRecord insert(long position, Object... values) {
        Struct row = row(values);
        return sink(factory.create(key(row), row, context(position)));
    }

    public SinkRecord update(long position, Object... values) {
        Struct row = row(values);
        return sink(factory.update(key(row), null, row, context(position)));
    }

    public SinkRecord delete(long position, Object... values) {
        Struct row = row(values);
        return sink(factory.delete(key(row), row, context(position)));
    }

    public SinkRecord tombstone(Object... values) {
        Struct row = row(values);
        SourceRecord delete = factory.delete(key(row), row, context(0));
        return sink(factory.tombstone(delete));
    }

    public SinkRecord truncate(long position) {
        return sink(factory.truncate(context(position)));
    }

    /** A record whose value is no change event. */
    public SinkRecord garbage() {
        return new SinkRecord(topic, 0, Schema.STRING_SCHEMA, "x", Schema.STRING_SCHEMA, "not an event", offset++);
    }

    public String topic() {
        return topic;
    }

    private Struct key(Struct row) {
        String name = keySchema.fields().get(0).name();
        return new Struct(keySchema).put(name, row.get(name));
    }

    private EventContext context(long position) {
        Struct source = new CommonSourceFields("mysql", "test", 0L, SnapshotMarker.FALSE, "inventory", position).newStruct(SOURCE_SCHEMA)
                .put("table", table);
        return EventContext.of(Map.of("server", "test"), Map.of("position", position), SourceInfo.of(source));
    }

    private SinkRecord sink(SourceRecord record) {
        return new SinkRecord(record.topic(), 0, record.keySchema(), record.key(), record.valueSchema(), record.value(), offset++);
    }
}
