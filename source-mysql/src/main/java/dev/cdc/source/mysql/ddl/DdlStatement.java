package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The DDL statements that change what the schema history must know, as {@link DdlParser} reads them. */
public sealed interface DdlStatement {

    /** {@code CREATE TABLE t (...)}. */
    record CreateTable(TableName table, boolean ifNotExists, List<ColumnDefinition> columns, List<String> primaryKey,
            String defaultCharset, String defaultCollation) implements DdlStatement {
        public CreateTable {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
        }
    }

    /** {@code CREATE TABLE t LIKE other}. */
    record CreateTableLike(TableName table, boolean ifNotExists, TableName like) implements DdlStatement {
        public CreateTableLike {
            requireNonNull(table, "table is null");
            requireNonNull(like, "like is null");
        }
    }

    /**
     * {@code CREATE TABLE t ... AS SELECT} or {@code ... SELECT}: the columns come from a query, so
     * the table's definition must be read from the server or the next table map.
     */
    record CreateTableAsSelect(TableName table) implements DdlStatement {
        public CreateTableAsSelect {
            requireNonNull(table, "table is null");
        }
    }

    record AlterTable(TableName table, List<AlterAction> actions) implements DdlStatement {
        public AlterTable {
            requireNonNull(table, "table is null");
            actions = List.copyOf(actions);
        }
    }

    /** {@code RENAME TABLE a TO b, c TO d}: pairs applied in order. */
    record RenameTables(List<Rename> renames) implements DdlStatement {
        public RenameTables {
            renames = List.copyOf(renames);
        }

        public record Rename(TableName from, TableName to) {
        }
    }

    record DropTables(List<TableName> tables, boolean ifExists) implements DdlStatement {
        public DropTables {
            tables = List.copyOf(tables);
        }
    }

    record TruncateTable(TableName table) implements DdlStatement {
        public TruncateTable {
            requireNonNull(table, "table is null");
        }
    }

    record CreateDatabase(String database, String defaultCharset, String defaultCollation) implements DdlStatement {
        public CreateDatabase {
            requireNonNull(database, "database is null");
        }
    }

    record AlterDatabase(String database, String defaultCharset, String defaultCollation) implements DdlStatement {
    }

    record DropDatabase(String database) implements DdlStatement {
        public DropDatabase {
            requireNonNull(database, "database is null");
        }
    }

    /** A statement that changes no table definition ({@code CREATE INDEX}, {@code GRANT}, {@code BEGIN}, temporary tables ...). */
    record Ignored(String reason) implements DdlStatement {
    }
}
