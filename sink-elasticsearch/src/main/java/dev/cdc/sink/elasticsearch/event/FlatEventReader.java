package dev.cdc.sink.elasticsearch.event;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.BadRecordException;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads flat rows, as Debezium's ExtractNewRecordState leaves them. The version comes from the
 * configured position field (e.g. {@code add.fields=source.position} gives
 * {@code __source_position}). A row is a delete when its {@code __op} is {@code d} or its
 * {@code __deleted} is true ({@code delete.handling.mode=rewrite}), otherwise it is indexed.
 * {@code __db}/{@code __source_db}, {@code __schema}/{@code __source_schema} and
 * {@code __table}/{@code __source_table} name the table when present, otherwise the topic does.
 */
public final class FlatEventReader implements ChangeEventReader {
    private final String positionField;

    public FlatEventReader(String positionField) {
        this.positionField = requireNonNull(positionField, "positionField is null");
    }

    @Override
    public ChangeEvent read(SinkRecord record) {
        Object value = record.value();
        Operation op = isDelete(value) ? Operation.DELETE : operation(value);
        TableRef table = TableRef.of(record.topic(), first(value, "__db", "__source_db"),
                first(value, "__schema", "__source_schema"), first(value, "__table", "__source_table"));
        long position = position(value);
        if (!op.writesRow()) {
            return new ChangeEvent(op, table, position, null, null);
        }
        return new ChangeEvent(op, table, position, value instanceof Struct struct ? struct.schema() : null, value);
    }

    private long position(Object value) {
        Object position = field(value, positionField);
        if (position instanceof Number number && number.longValue() >= 0) {
            return number.longValue();
        }
        throw new BadRecordException("the flat row has no int64 field " + positionField + " (found " + position
                + "); add it with ExtractNewRecordState add.fields=source.position, or set flat.position.field");
    }

    private static Operation operation(Object value) {
        Object op = field(value, "__op");
        return op == null ? Operation.UPDATE : Operation.of(op.toString());
    }

    private static boolean isDelete(Object value) {
        Object deleted = field(value, "__deleted");
        return deleted != null && Boolean.parseBoolean(deleted.toString());
    }

    private static String first(Object value, String... names) {
        for (String name : names) {
            Object found = field(value, name);
            if (found != null) {
                return found.toString();
            }
        }
        return null;
    }

    private static Object field(Object value, String name) {
        if (value instanceof Struct struct) {
            return Structs.get(struct, name);
        }
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        throw new BadRecordException("a flat row must be a struct or a map, not " + value.getClass().getSimpleName());
    }
}
