package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.RecordShape;

/**
 * How the changes of one record shape are written to a table that fits them: the target table,
 * the write columns of the key and of the other row values (in the shape's order, typed as the
 * target has them), the position column, the soft-delete column and the tombstone table.
 *
 * @param table           the target, schema resolved
 * @param shape           the record shape this binding is for
 * @param keyColumns      one per {@code shape.keyColumns()}
 * @param valueColumns    one per {@code shape.valueColumns()}
 * @param positionColumn  the position column
 * @param softDeleteColumn the soft-delete flag, null unless delete.mode=soft
 * @param tombstones      the tombstone table, null unless hard deletes with a key
 * @param tombstoneKeyColumns the tombstone table's key columns (empty without one)
 * @param tableStates     the table-state table whose truncate position upserts respect, null for none
 */
public record TableBinding(TableRef table, RecordShape shape, List<WriteColumn> keyColumns, List<WriteColumn> valueColumns,
                           WriteColumn positionColumn, WriteColumn softDeleteColumn, TableRef tombstones,
                           List<WriteColumn> tombstoneKeyColumns, TableRef tableStates) {
    public TableBinding {
        requireNonNull(table, "table is null");
        requireNonNull(shape, "shape is null");
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        valueColumns = List.copyOf(requireNonNull(valueColumns, "valueColumns is null"));
        requireNonNull(positionColumn, "positionColumn is null");
        tombstoneKeyColumns = List.copyOf(requireNonNull(tombstoneKeyColumns, "tombstoneKeyColumns is null"));
    }

    public List<String> keyColumnNames() {
        return keyColumns.stream().map(WriteColumn::name).toList();
    }
}
