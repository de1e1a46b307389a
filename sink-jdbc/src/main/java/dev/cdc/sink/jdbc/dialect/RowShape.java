package dev.cdc.sink.jdbc.dialect;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

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
 * @param keptColumns    non-key columns an upsert writes into a new row only: an existing row keeps its value (unchanged
 *                       TOAST values the record does not carry)
 */
public record RowShape(TableRef table, List<WriteColumn> columns, List<String> keyColumns, String positionColumn, TableRef tombstones,
                       TableRef tableStates, Set<String> keptColumns) {
    public RowShape {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        requireNonNull(positionColumn, "positionColumn is null");
        keptColumns = Set.copyOf(requireNonNull(keptColumns, "keptColumns is null"));
        if (columns.isEmpty() || !columns.get(columns.size() - 1).name().equals(positionColumn)) {
            throw new IllegalArgumentException("the columns of a statement on " + table + " must end with the position column "
                    + positionColumn + "; got " + columns.stream().map(WriteColumn::name).toList());
        }
        List<String> names = columns.stream().map(WriteColumn::name).toList();
        for (String kept : keptColumns) {
            if (!names.contains(kept) || keyColumns.contains(kept) || kept.equals(positionColumn)) {
                throw new IllegalArgumentException("kept column " + kept + " of a statement on " + table
                        + " must be one of its non-key columns other than the position column " + names);
            }
        }
    }

    /** A shape whose upserts update every column. */
    public RowShape(TableRef table, List<WriteColumn> columns, List<String> keyColumns, String positionColumn, TableRef tombstones,
                    TableRef tableStates) {
        this(table, columns, keyColumns, positionColumn, tombstones, tableStates, Set.of());
    }

    /** A shape without a table-state guard. */
    public RowShape(TableRef table, List<WriteColumn> columns, List<String> keyColumns, String positionColumn, TableRef tombstones) {
        this(table, columns, keyColumns, positionColumn, tombstones, null);
    }

    /** The columns that are not part of the key, position column included. */
    public List<WriteColumn> nonKeyColumns() {
        return columns.stream().filter(column -> !keyColumns.contains(column.name())).toList();
    }

    /** The columns an upsert sets in an existing row: the non-key columns but the kept ones, position column last. */
    public List<WriteColumn> updatedColumns() {
        return nonKeyColumns().stream().filter(column -> !keptColumns.contains(column.name())).toList();
    }

    public List<WriteColumn> keyWriteColumns() {
        return columns.stream().filter(column -> keyColumns.contains(column.name())).toList();
    }
}
