package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.Column;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A MySQL/MariaDB table with its native column types: what the DDL parser maintains, what a binlog
 * table map describes, and what {@code information_schema} says. {@link #toTableSchema} gives the
 * schema module's view.
 */
public record MySqlTable(String database, String name, List<MySqlColumn> columns, List<String> primaryKey) {
    public MySqlTable {
        requireNonNull(database, "database is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        Set<String> names = new HashSet<>();
        for (MySqlColumn column : columns) {
            if (!names.add(column.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("table " + database + "." + name + " has two columns named '" + column.name() + "'");
            }
        }
    }

    public TableId id() {
        return TableId.ofCatalogTable(database, name);
    }

    /** The column of that name, compared case-insensitively as MySQL does. */
    public Optional<MySqlColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public MySqlTable withColumns(List<MySqlColumn> newColumns) {
        return new MySqlTable(database, name, newColumns, primaryKey);
    }

    public MySqlTable withPrimaryKey(List<String> newPrimaryKey) {
        return new MySqlTable(database, name, columns, newPrimaryKey);
    }

    public MySqlTable withName(String newDatabase, String newName) {
        return new MySqlTable(newDatabase, newName, columns, primaryKey);
    }

    /** The schema module's view of this table, valid from {@code position} as version {@code version}. */
    public TableSchema toTableSchema(long version, long position) {
        TableSchema.Builder builder = TableSchema.builder(id()).version(version).validFromPosition(position);
        for (MySqlColumn column : columns) {
            builder.column(Column.builder(column.name(), ColumnTypes.toColumnType(column.type()))
                    .nullable(column.nullable())
                    .defaultValueExpression(column.defaultExpression())
                    .autoIncrement(column.autoIncrement())
                    .generated(column.generated())
                    .comment(column.comment())
                    .build());
        }
        return builder.primaryKey(primaryKey).build();
    }

    @Override
    public String toString() {
        return database + "." + name + columns + (primaryKey.isEmpty() ? "" : " PRIMARY KEY " + primaryKey);
    }
}
