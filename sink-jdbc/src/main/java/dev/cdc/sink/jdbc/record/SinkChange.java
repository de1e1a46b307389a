package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

import org.apache.kafka.connect.sink.SinkRecord;

import dev.cdc.sink.jdbc.table.TableRef;

/**
 * One change to apply: a row to write, a key to delete, or a table to truncate, with the record it
 * came from (for the dead letter queue) and its source position.
 *
 * @param record   the record
 * @param kind     what to do
 * @param table    the target table as named by table.name.format (schema may be absent)
 * @param shape    the record's columns; null for truncates
 * @param key      bindable key values, in the order of {@code shape.keyColumns()}; empty for truncates
 * @param row      bindable values of {@code shape.valueColumns()}, may hold {@link UnavailableValue#INSTANCE}
 * @param position the source position; null only without a primary key, or for a truncate event that carries none
 */
public record SinkChange(SinkRecord record, Kind kind, TableRef table, RecordShape shape, Object[] key, Object[] row, Long position) {
    /** What a change does. */
    public enum Kind { UPSERT, DELETE, TRUNCATE }

    public SinkChange {
        requireNonNull(record, "record is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(table, "table is null");
        requireNonNull(key, "key is null");
        requireNonNull(row, "row is null");
    }

    /** The row key, for reducing changes of one key. */
    public RowKey rowKey() {
        return new RowKey(table, key);
    }

    /** Where the record sits, for messages. */
    public String coordinates() {
        return "topic " + record.originalTopic() + " partition " + record.originalKafkaPartition() + " offset " + record.originalKafkaOffset();
    }

    /** A table and key values, compared by value (arrays by content). */
    public record RowKey(TableRef table, Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && table.equals(other.table) && Arrays.deepEquals(values, other.values);
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 + Arrays.deepHashCode(values);
        }

        @Override
        public String toString() {
            return table + Arrays.deepToString(values);
        }
    }
}
