package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target table as it exists: its columns in order and its primary key. Immutable; re-read after DDL.
 */
public final class TableDefinition {
    private final TableRef table;
    private final List<TargetColumn> columns;
    private final Map<String, TargetColumn> byName;
    private final List<String> primaryKey;

    public TableDefinition(TableRef table, List<TargetColumn> columns, List<String> primaryKey) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        Map<String, TargetColumn> index = new LinkedHashMap<>();
        this.columns.forEach(column -> index.put(column.name(), column));
        this.byName = index;
    }

    public TableRef table() {
        return table;
    }

    public List<TargetColumn> columns() {
        return columns;
    }

    public Optional<TargetColumn> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean hasColumn(String name) {
        return byName.containsKey(name);
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    @Override
    public String toString() {
        return table.toString() + columns.stream().map(c -> c.name() + " " + c.nativeType() + (c.nullable() ? "" : " NOT NULL")).toList()
                + (primaryKey.isEmpty() ? "" : " PRIMARY KEY " + primaryKey);
    }
}
