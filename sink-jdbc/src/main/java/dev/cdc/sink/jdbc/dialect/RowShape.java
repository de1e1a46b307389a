package dev.cdc.sink.jdbc.dialect;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.cdc.sink.jdbc.table.TableRef;

/**
 * The columns of one multi-row statement: every row binds one value per column, in order. The
 * position column is always the last one.
 *
 * @param table          the table written
 * @param columns        the columns bound, position column last
 * @param keyColumns     names of the primary key columns among {@code columns}; empty without a key
 * @param positionColumn name of the source position column
 * @param tombstones     the tombstone table an upsert must consult, null for none
 * @param tableStates    the table-state table ({@code __cdc_tables}) whose truncate position an upsert must respect, null for none
 */
public record RowShape(TableRef table, List<WriteColumn> columns, List<String> keyColumns, String positionColumn, TableRef tombstones,
                       TableRef tableStates) {
    public RowShape {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        requireNonNull(positionColumn, "positionColumn is null");
        if (columns.isEmpty() || !columns.get(columns.size() - 1).name().equals(positionColumn)) {
            throw new IllegalArgumentException("the columns of a statement on " + table + " must end with the position column "
                    + positionColumn + "; got " + columns.stream().map(WriteColumn::name).toList());
        }
    }

    /** A shape without a table-state guard. */
    public RowShape(TableRef table, List<WriteColumn> columns, List<String> keyColumns, String positionColumn, TableRef tombstones) {
        this(table, columns, keyColumns, positionColumn, tombstones, null);
    }

    /** The columns that are not part of the key, position column included. */
    public List<WriteColumn> nonKeyColumns() {
        return columns.stream().filter(column -> !keyColumns.contains(column.name())).toList();
    }

    public List<WriteColumn> keyWriteColumns() {
        return columns.stream().filter(column -> keyColumns.contains(column.name())).toList();
    }
}
