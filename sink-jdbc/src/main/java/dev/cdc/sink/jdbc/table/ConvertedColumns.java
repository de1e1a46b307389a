package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

import dev.cdc.schema.ColumnType;

/**
 * The columns this task converted to another type, with the type they had. Records of the older
 * type that arrive afterwards (a lagging partition, a replay) are written into the converted column
 * as they are, instead of converting the column back and forth. Kept in memory for the task's
 * life. Used by the task thread only.
 */
public final class ConvertedColumns {
    private final Map<Column, ColumnType> previousTypes = new HashMap<>();

    /** Remembers that {@code column} of {@code table} had type {@code from} before the sink converted it. */
    public void converted(TableRef table, String column, ColumnType from) {
        previousTypes.put(new Column(table, column), requireNonNull(from, "from is null"));
    }

    /** True when the sink converted the column away from {@code type}. */
    public boolean wasConvertedFrom(TableRef table, String column, ColumnType type) {
        ColumnType previous = previousTypes.get(new Column(table, column));
        return previous != null && previous.sameLogicalType(type);
    }

    /** Forgets the conversions of a table (renamed or dropped). */
    public void forget(TableRef table) {
        previousTypes.keySet().removeIf(column -> column.table().equals(table));
    }

    private record Column(TableRef table, String name) {
        Column {
            requireNonNull(table, "table is null");
            requireNonNull(name, "name is null");
        }
    }
}
