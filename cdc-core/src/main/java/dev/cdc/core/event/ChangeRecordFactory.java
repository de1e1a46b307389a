package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Makes the {@link SourceRecord}s of one table (one topic, one key schema, one row schema): the
 * envelope records for {@code r c u d t} and the tombstone that follows a delete. The Kafka
 * partition is left null, so Kafka partitions by key. One factory per table and schema version;
 * immutable and thread-safe.
 *
 * <p>Contracts: key and row structs must be of the factory's key and row schemas; the key is null
 * only when the key schema is null (a table without a key, events then spread over partitions);
 * {@code ts_ms} is taken from the clock when the record is made.
 */
public final class ChangeRecordFactory {
    private final String topic;
    private final Schema keySchema;
    private final Schema envelopeSchema;
    private final Clock clock;

    /**
     * @param topic        the data topic ({@link TopicNames#dataTopic})
     * @param keySchema    the key struct schema ({@code <topic>.Key}); null for a table without a key
     * @param rowSchema    the optional row struct schema ({@code <topic>.Value})
     * @param sourceSchema the source block schema ({@link SourceInfoSchema})
     * @param clock        the clock of {@code ts_ms}
     */
    public ChangeRecordFactory(String topic, Schema keySchema, Schema rowSchema, Schema sourceSchema, Clock clock) {
        this.topic = requireNonNull(topic, "topic is null");
        this.keySchema = keySchema;
        this.envelopeSchema = Envelope.schema(topic, rowSchema, sourceSchema);
        this.clock = requireNonNull(clock, "clock is null");
    }

    public String topic() {
        return topic;
    }

    public Schema envelopeSchema() {
        return envelopeSchema;
    }

    /** A snapshot read ({@code op=r}). */
    public SourceRecord read(Struct key, Struct after, EventContext context) {
        return record(Operation.READ, key, null, requireNonNull(after, "after is null"), context);
    }

    /** An insert ({@code op=c}). */
    public SourceRecord create(Struct key, Struct after, EventContext context) {
        return record(Operation.CREATE, key, null, requireNonNull(after, "after is null"), context);
    }

    /** An update ({@code op=u}); {@code before} may be null when the source has no before image. */
    public SourceRecord update(Struct key, Struct before, Struct after, EventContext context) {
        return record(Operation.UPDATE, key, before, requireNonNull(after, "after is null"), context);
    }

    /** A delete ({@code op=d}); follow it with {@link #tombstone(SourceRecord)} unless tombstones are off. */
    public SourceRecord delete(Struct key, Struct before, EventContext context) {
        return record(Operation.DELETE, key, before, null, context);
    }

    /** A truncate ({@code op=t}); it has no key and no row. */
    public SourceRecord truncate(EventContext context) {
        requireNonNull(context, "context is null");
        return new SourceRecord(context.sourcePartition(), context.sourceOffset(), topic, null, null, null,
                envelopeSchema, envelope(Operation.TRUNCATE, null, null, context));
    }

    /**
     * The tombstone after a delete: same topic, key and offset, null value, so log compaction can
     * drop the key.
     *
     * @throws IllegalArgumentException when {@code delete} is not a delete record with a key
     */
    public SourceRecord tombstone(SourceRecord delete) {
        requireNonNull(delete, "delete is null");
        if (delete.key() == null || !(delete.value() instanceof Struct value)
                || !Operation.DELETE.code().equals(value.getString(Envelope.OPERATION))) {
            throw new IllegalArgumentException("a tombstone follows a delete with a key; got a record of topic " + delete.topic()
                    + " with key " + delete.key());
        }
        return new SourceRecord(delete.sourcePartition(), delete.sourceOffset(), delete.topic(), delete.kafkaPartition(),
                delete.keySchema(), delete.key(), null, null);
    }

    private SourceRecord record(Operation operation, Struct key, Struct before, Struct after, EventContext context) {
        requireNonNull(context, "context is null");
        if ((key == null) != (keySchema == null)) {
            throw new IllegalArgumentException("topic " + topic + (keySchema == null
                    ? " has no key schema but the event has a key" : " needs a key of schema " + keySchema.name() + " but got null"));
        }
        return new SourceRecord(context.sourcePartition(), context.sourceOffset(), topic, null, keySchema, key,
                envelopeSchema, envelope(operation, before, after, context));
    }

    private Struct envelope(Operation operation, Struct before, Struct after, EventContext context) {
        Struct value = new Struct(envelopeSchema)
                .put(Envelope.BEFORE, before)
                .put(Envelope.AFTER, after)
                .put(Envelope.SOURCE, context.source().struct())
                .put(Envelope.OPERATION, operation.code())
                .put(Envelope.TIMESTAMP, clock.millis());
        if (context.transaction() != null) {
            value.put(Envelope.TRANSACTION, context.transaction().toStruct());
        }
        return value;
    }
}
