package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One alteration of an {@code ALTER TABLE}, in statement order. */
public sealed interface AlterAction {

    record AddColumn(ColumnDefinition column, ColumnPosition position, boolean ifNotExists) implements AlterAction {
        public AddColumn {
            requireNonNull(column, "column is null");
            requireNonNull(position, "position is null");
        }
    }

    record DropColumn(String column, boolean ifExists) implements AlterAction {
        public DropColumn {
            requireNonNull(column, "column is null");
        }
    }

    /** {@code RENAME COLUMN a TO b}. */
    record RenameColumn(String from, String to) implements AlterAction {
        public RenameColumn {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** {@code MODIFY} ({@code from} equals the definition's name) and {@code CHANGE} (a new name, maybe). */
    record ChangeColumn(String from, ColumnDefinition column, ColumnPosition position, boolean ifExists) implements AlterAction {
        public ChangeColumn {
            requireNonNull(from, "from is null");
            requireNonNull(column, "column is null");
            requireNonNull(position, "position is null");
        }
    }

    /** {@code ALTER COLUMN c SET DEFAULT x} ({@code expression} set) or {@code DROP DEFAULT} (null). */
    record AlterColumnDefault(String column, String expression) implements AlterAction {
        public AlterColumnDefault {
            requireNonNull(column, "column is null");
        }
    }

    record AddPrimaryKey(List<String> columns) implements AlterAction {
        public AddPrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    record DropPrimaryKey() implements AlterAction {
    }

    /** {@code RENAME TO t2}. */
    record RenameTable(TableName to) implements AlterAction {
        public RenameTable {
            requireNonNull(to, "to is null");
        }
    }

    /** {@code CONVERT TO CHARACTER SET x}: every text column takes the charset. */
    record ConvertCharset(String charset, String collation) implements AlterAction {
    }

    /** {@code [DEFAULT] CHARACTER SET = x}: the default for columns added later. */
    record DefaultCharset(String charset, String collation) implements AlterAction {
    }
}
