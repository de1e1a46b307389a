package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A change record as {@link EnvelopeReader} understood it. Immutable.
 */
public final class DecodedChange {
    /** How the record was shaped. */
    public enum Shape {
        /** A Debezium-style envelope {@code {before, after, source, op, ...}}. */
        ENVELOPE,
        /** A flat row, e.g. after Debezium's {@code ExtractNewRecordState}. */
        FLAT,
        /** A null value. */
        TOMBSTONE
    }

    private final RecordCoordinates coordinates;
    private final Shape shape;
    private final ChangeAction action;
    private final Operation operation;
    private final Object key;
    private final Schema keySchema;
    private final Struct before;
    private final Struct after;
    private final Struct source;
    private final OptionalLong position;

    private DecodedChange(Builder builder) {
        this.coordinates = requireNonNull(builder.coordinates, "coordinates is null");
        this.shape = requireNonNull(builder.shape, "shape is null");
        this.action = requireNonNull(builder.action, "action is null");
        this.operation = builder.operation;
        this.key = builder.key;
        this.keySchema = builder.keySchema;
        this.before = builder.before;
        this.after = builder.after;
        this.source = builder.source;
        this.position = requireNonNull(builder.position, "position is null");
    }

    static Builder builder(RecordCoordinates coordinates, Shape shape, ChangeAction action) {
        return new Builder(coordinates, shape, action);
    }

    public RecordCoordinates coordinates() {
        return coordinates;
    }

    public Shape shape() {
        return shape;
    }

    public ChangeAction action() {
        return action;
    }

    /** The recorded operation; empty for tombstones and for flat rows without an {@code __op} field. */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    public Object key() {
        return key;
    }

    public Schema keySchema() {
        return keySchema;
    }

    /** The row before the change; null when the event has none. */
    public Struct before() {
        return before;
    }

    /** The row after the change; null for deletes, truncates and tombstones. */
    public Struct after() {
        return after;
    }

    /** The row a sink writes ({@code after}) or deletes ({@code before}, which may be null). */
    public Struct row() {
        return after != null ? after : before;
    }

    /** The envelope's source block; null for flat rows and tombstones. */
    public Struct source() {
        return source;
    }

    /** The source position: {@code source.position}, or derived from Debezium's fields; empty when unknown. */
    public OptionalLong position() {
        return position;
    }

    /**
     * The source position, for sinks that cannot write without one.
     *
     * @throws DataException naming the record when it has none
     */
    public long requirePosition() {
        if (position.isEmpty()) {
            throw new DataException("Record at " + coordinates + " (" + shape.name().toLowerCase(java.util.Locale.ROOT)
                    + ", action " + action + ") carries no source position: expected a source.position field, Debezium's "
                    + "MySQL file/pos/row or Postgres lsn in the source block, or __position/__file/__pos/__lsn in a flat row "
                    + "(ExtractNewRecordState add.fields=source.position)");
        }
        return position.getAsLong();
    }

    @Override
    public String toString() {
        return "DecodedChange{" + coordinates + ", " + shape + ", " + action + (operation == null ? "" : ", op=" + operation.code())
                + ", key=" + key + (position.isPresent() ? ", position=" + position.getAsLong() : "") + "}";
    }

    static final class Builder {
        private final RecordCoordinates coordinates;
        private final Shape shape;
        private final ChangeAction action;
        private Operation operation;
        private Object key;
        private Schema keySchema;
        private Struct before;
        private Struct after;
        private Struct source;
        private OptionalLong position = OptionalLong.empty();

        private Builder(RecordCoordinates coordinates, Shape shape, ChangeAction action) {
            this.coordinates = coordinates;
            this.shape = shape;
            this.action = action;
        }

        Builder operation(Operation operation) {
            this.operation = operation;
            return this;
        }

        Builder key(Object key, Schema keySchema) {
            this.key = key;
            this.keySchema = keySchema;
            return this;
        }

        Builder rows(Struct before, Struct after) {
            this.before = before;
            this.after = after;
            return this;
        }

        Builder source(Struct source) {
            this.source = source;
            return this;
        }

        Builder position(OptionalLong position) {
            this.position = position;
            return this;
        }

        DecodedChange build() {
            return new DecodedChange(this);
        }
    }
}
