package dev.cdc.sink.elasticsearch.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;

/**
 * One change, as the sink needs it.
 *
 * @param op        what happened
 * @param table     which table, for the index name
 * @param position  the 63-bit source position, the document version
 * @param rowSchema schema of {@code row}; null for a schemaless row or when there is no row
 * @param row       the after-image for c/u/r; null for d and t
 */
public record ChangeEvent(Operation op, TableRef table, long position, Schema rowSchema, Object row) {
    public ChangeEvent {
        requireNonNull(op, "op is null");
        requireNonNull(table, "table is null");
        if (position < 0) {
            throw new IllegalArgumentException("position " + position + " is negative");
        }
        if (op.writesRow() && row == null) {
            throw new IllegalArgumentException("op " + op.code() + " needs a row");
        }
    }
}
