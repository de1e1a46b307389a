package dev.cdc.sink.elasticsearch;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Builds change-event records of one table, in our envelope, for tests. */
final class ChangeEvents {
    static final Schema KEY = SchemaBuilder.struct().name("key").field("id", Schema.INT64_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA).field("position", Schema.INT64_SCHEMA).build();

    private final String topic;
    private final String db;
    private final String table;
    private long offset;

    ChangeEvents(String topic, String db, String table) {
        this.topic = topic;
        this.db = db;
        this.table = table;
    }

    static Schema envelope(Schema row) {
        return SchemaBuilder.struct().name("envelope").field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
    }

    SinkRecord change(String op, long id, long position, Struct after) {
        Schema rowSchema = after == null ? SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).build() : after.schema();
        Schema envelope = envelope(rowSchema);
        Struct value = new Struct(envelope).put("op", op).put("after", after)
                .put("source", new Struct(SOURCE).put("db", db).put("table", table).put("position", position));
        return new SinkRecord(topic, 0, KEY, new Struct(KEY).put("id", id), envelope, value, offset++);
    }

    /** A change with a key of any schema (a composite primary key, a changed one). */
    SinkRecord change(String op, Struct key, long position, Struct after) {
        Schema rowSchema = after == null ? SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).build() : after.schema();
        Schema envelope = envelope(rowSchema);
        Struct value = new Struct(envelope).put("op", op).put("after", after)
                .put("source", new Struct(SOURCE).put("db", db).put("table", table).put("position", position));
        return new SinkRecord(topic, 0, key.schema(), key, envelope, value, offset++);
    }

    SinkRecord tombstone(long id) {
        return new SinkRecord(topic, 0, KEY, new Struct(KEY).put("id", id), null, null, offset++);
    }

    /** Starts the offsets again from 0, as a replay of the topic does. */
    void rewind() {
        offset = 0;
    }

    long nextOffset() {
        return offset;
    }
}
