package dev.cdc.schema.diff;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * One structured change to a table's schema, as produced by {@link SchemaDiff} or directly by a
 * source that parsed a DDL statement, and carried in schema-change events.
 *
 * <p>{@link #table()} names the table the change applies to, as it is named after the change
 * (a {@link RenameTable}'s new id; a {@link DropTable}'s dropped id). Column names in a list of
 * changes refer to the state after the changes before them: renames come first, so a later
 * {@link ChangeColumnType} names the column by its new name.
 */
public sealed interface SchemaChange {

    TableId table();

    SchemaChangeKind kind();

    /** A table that did not exist before. */
    record CreateTable(TableSchema schema) implements SchemaChange {
        public CreateTable {
            requireNonNull(schema, "schema is null");
        }

        @Override
        public TableId table() {
            return schema.id();
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.CREATE_TABLE;
        }
    }

    record DropTable(TableId table) implements SchemaChange {
        public DropTable {
            requireNonNull(table, "table is null");
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.DROP_TABLE;
        }
    }

    /** The table {@code from} is now called {@code to}; {@link #table()} is {@code to}. */
    record RenameTable(TableId from, TableId to) implements SchemaChange {
        public RenameTable {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            if (from.equals(to)) {
                throw new IllegalArgumentException("table " + from + " is renamed to itself");
            }
        }

        @Override
        public TableId table() {
            return to;
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.RENAME_TABLE;
        }
    }

    /** All rows were removed; the schema is unchanged. A diff never produces it, sources do. */
    record Truncate(TableId table) implements SchemaChange {
        public Truncate {
            requireNonNull(table, "table is null");
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.TRUNCATE_TABLE;
        }
    }

    /** A new column; {@link Column#position()} is its position in the table after the change. */
    record AddColumn(TableId table, Column column) implements SchemaChange {
        public AddColumn {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.ADD_COLUMN;
        }
    }

    record DropColumn(TableId table, String column) implements SchemaChange {
        public DropColumn {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.DROP_COLUMN;
        }
    }

    /** Column {@code from} is now called {@code to}, its values kept. */
    record RenameColumn(TableId table, String from, String to) implements SchemaChange {
        public RenameColumn {
            requireNonNull(table, "table is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            if (from.equals(to)) {
                throw new IllegalArgumentException("column '" + from + "' of table " + table + " is renamed to itself");
            }
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.RENAME_COLUMN;
        }
    }

    /**
     * The column's type changed. {@code widening} is true when every value of {@code from} is a
     * value of {@code to} unchanged ({@link TypeWidening}), so a target can alter the column in
     * place; otherwise the change needs a documented safe path or a stop.
     */
    record ChangeColumnType(TableId table, String column, ColumnType from, ColumnType to, boolean widening) implements SchemaChange {
        public ChangeColumnType {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        /** The change with {@code widening} computed by {@link TypeWidening#isWidening}. */
        public static ChangeColumnType of(TableId table, String column, ColumnType from, ColumnType to) {
            return new ChangeColumnType(table, column, from, to, TypeWidening.isWidening(from, to));
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.CHANGE_COLUMN_TYPE;
        }
    }

    record ChangeNullability(TableId table, String column, boolean fromNullable, boolean toNullable) implements SchemaChange {
        public ChangeNullability {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
            if (fromNullable == toNullable) {
                throw new IllegalArgumentException("nullability of column '" + column + "' of table " + table + " does not change");
            }
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.CHANGE_NULLABILITY;
        }
    }

    /** The default expression changed; null means no default. */
    record ChangeColumnDefault(TableId table, String column, String from, String to) implements SchemaChange {
        public ChangeColumnDefault {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }

        public Optional<String> fromDefault() {
            return Optional.ofNullable(from);
        }

        public Optional<String> toDefault() {
            return Optional.ofNullable(to);
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.CHANGE_COLUMN_DEFAULT;
        }
    }

    /** The primary key columns changed (in key order); an empty list is no primary key. */
    record ChangePrimaryKey(TableId table, List<String> from, List<String> to) implements SchemaChange {
        public ChangePrimaryKey {
            requireNonNull(table, "table is null");
            from = List.copyOf(requireNonNull(from, "from is null"));
            to = List.copyOf(requireNonNull(to, "to is null"));
        }

        @Override
        public SchemaChangeKind kind() {
            return SchemaChangeKind.CHANGE_PRIMARY_KEY;
        }
    }
}
