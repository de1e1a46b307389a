package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;

/**
 * Reads change records for sinks: our events, Debezium's events, flat rows and tombstones.
 *
 * <ul>
 *   <li><b>Envelope</b>: a struct value with an {@code op} field and {@code before}/{@code after}
 *   fields. {@code r c u} become {@link ChangeAction#UPSERT} (with a non-null {@code after}),
 *   {@code d} {@link ChangeAction#DELETE}, {@code t} {@link ChangeAction#TRUNCATE}. The position is
 *   read from the source block by the rules of {@link PositionResolver}: {@code source.position},
 *   else Debezium MySQL {@code file/pos/row}, else Debezium Postgres {@code lsn/sequence}.</li>
 *   <li><b>Flat</b> (e.g. after {@code ExtractNewRecordState}): any other struct value. The
 *   operation comes from a {@code __op} field or header; {@code __deleted=true} (field or header, from
 *   {@code delete.handling.mode=rewrite}) or {@code __op=d} make it a delete whose {@code before}
 *   is the row; otherwise it is an upsert of the row. The position comes from {@code __position},
 *   {@code __source_position}, or Debezium's {@code __file/__pos/__row}, {@code __lsn/__sequence}
 *   fields. The row is returned as is, {@code __} fields included.</li>
 *   <li><b>Tombstone</b>: a null value, {@link ChangeAction#TOMBSTONE}, with the key.</li>
 * </ul>
 * Anything else is rejected with a {@link DataException} that names the record's topic, partition
 * and offset and what was found, so a sink can send it to the dead letter queue. Stateless and
 * thread-safe.
 */
public final class EnvelopeReader {
    /** Prefix of the fields and headers {@code ExtractNewRecordState} adds. */
    public static final String FLAT_PREFIX = "__";

    private EnvelopeReader() {
    }

    /**
     * Reads a record.
     *
     * @throws DataException when the record is not a change event, or its envelope is inconsistent
     */
    public static DecodedChange read(ConnectRecord<?> record) {
        requireNonNull(record, "record is null");
        RecordCoordinates where = RecordCoordinates.of(record);
        Object value = record.value();
        if (value == null) {
            return DecodedChange.builder(where, DecodedChange.Shape.TOMBSTONE, ChangeAction.TOMBSTONE)
                    .key(record.key(), record.keySchema())
                    .build();
        }
        if (!(value instanceof Struct struct)) {
            throw notAChangeEvent(where, describeNonStruct(value));
        }
        return isEnvelope(struct.schema()) ? readEnvelope(record, struct, where) : readFlat(record, struct, where);
    }

    private static boolean isEnvelope(Schema schema) {
        boolean hasRowField = schema.field(Envelope.BEFORE) != null || schema.field(Envelope.AFTER) != null;
        return schema.field(Envelope.OPERATION) != null && hasRowField;
    }

    private static DecodedChange readEnvelope(ConnectRecord<?> record, Struct envelope, RecordCoordinates where) {
        Operation operation = operationOf(envelope, where);
        Struct before = structField(envelope, Envelope.BEFORE, where);
        Struct after = structField(envelope, Envelope.AFTER, where);
        Struct source = structField(envelope, Envelope.SOURCE, where);
        ChangeAction action = switch (operation) {
            case READ, CREATE, UPDATE -> ChangeAction.UPSERT;
            case DELETE -> ChangeAction.DELETE;
            case TRUNCATE -> ChangeAction.TRUNCATE;
        };
        if (action == ChangeAction.UPSERT && after == null) {
            throw new DataException("Record at " + where + " is an envelope with op '" + operation.code() + "' but a null 'after' row");
        }
        OptionalLong position = source == null ? OptionalLong.empty() : PositionResolver.resolve(name -> fieldOrNull(source, name), where);
        return DecodedChange.builder(where, DecodedChange.Shape.ENVELOPE, action)
                .operation(operation)
                .key(record.key(), record.keySchema())
                .rows(before, after)
                .source(source)
                .position(position)
                .build();
    }

    private static DecodedChange readFlat(ConnectRecord<?> record, Struct row, RecordCoordinates where) {
        Schema schema = row.schema();
        if (schema.name() != null && schema.name().endsWith(Envelope.SCHEMA_NAME_SUFFIX)) {
            throw notAChangeEvent(where, "a struct named " + schema.name() + " without the envelope fields 'op' and 'before'/'after' "
                    + "(fields: " + fieldNames(schema) + ")");
        }
        Object op = flatValue(record, row, "op");
        Operation operation = op == null ? null : Operation.find(op.toString())
                .orElseThrow(() -> new DataException("Record at " + where + " has " + FLAT_PREFIX + "op='" + op
                        + "'; expected one of r, c, u, d, t"));
        boolean deleted = operation == Operation.DELETE || isTrue(flatValue(record, row, "deleted"));
        ChangeAction action = deleted ? ChangeAction.DELETE
                : operation == Operation.TRUNCATE ? ChangeAction.TRUNCATE : ChangeAction.UPSERT;
        OptionalLong position = PositionResolver.resolve(name -> flatPositionField(record, row, name), where);
        return DecodedChange.builder(where, DecodedChange.Shape.FLAT, action)
                .operation(operation)
                .key(record.key(), record.keySchema())
                .rows(deleted ? row : null, deleted ? null : row)
                .position(position)
                .build();
    }

    private static Operation operationOf(Struct envelope, RecordCoordinates where) {
        Object op = envelope.get(Envelope.OPERATION);
        if (!(op instanceof String code)) {
            throw new DataException("Record at " + where + " is an envelope whose 'op' is " + (op == null ? "null" : "a "
                    + op.getClass().getSimpleName()) + "; expected one of r, c, u, d, t");
        }
        try {
            return Operation.forCode(code);
        } catch (IllegalArgumentException e) {
            throw new DataException("Record at " + where + ": " + e.getMessage(), e);
        }
    }

    private static Struct structField(Struct envelope, String name, RecordCoordinates where) {
        Object value = fieldOrNull(envelope, name);
        if (value == null || value instanceof Struct) {
            return (Struct) value;
        }
        throw new DataException("Record at " + where + " is an envelope whose '" + name + "' is a " + value.getClass().getSimpleName()
                + ", expected a struct");
    }

    private static Object fieldOrNull(Struct struct, String name) {
        Field field = struct.schema().field(name);
        return field == null ? null : struct.get(field);
    }

    private static Object flatPositionField(ConnectRecord<?> record, Struct row, String name) {
        Object sourceValue = fieldOrNull(row, FLAT_PREFIX + "source_" + name);
        return sourceValue != null ? sourceValue : flatValue(record, row, name);
    }

    private static Object flatValue(ConnectRecord<?> record, Struct row, String name) {
        Object fieldValue = fieldOrNull(row, FLAT_PREFIX + name);
        if (fieldValue != null) {
            return fieldValue;
        }
        Header header = record.headers().lastWithName(FLAT_PREFIX + name);
        return header == null ? null : header.value();
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static String describeNonStruct(Object value) {
        String type = value.getClass().getName();
        if (value instanceof Map<?, ?>) {
            return "a " + type + " without a Connect schema; if the topic holds JSON, set value.converter.schemas.enable=true "
                    + "(or use a converter with schemas, e.g. Avro)";
        }
        return "a " + type + "; the value converter must produce a Struct (JsonConverter with schemas.enable=true, or Avro)";
    }

    private static String fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).toList().toString();
    }

    private static DataException notAChangeEvent(RecordCoordinates where, String found) {
        return new DataException("Record at " + where + " is not a change event: its value is " + found
                + ". Expected a Debezium-style envelope {before, after, source, op, ts_ms}, a flat row struct, or null.");
    }
}
