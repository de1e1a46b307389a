package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.source.mysql.ddl.DdlStatement.AlterDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.AlterTable;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTable;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTableAsSelect;
import dev.cdc.source.mysql.ddl.DdlStatement.CreateTableLike;
import dev.cdc.source.mysql.ddl.DdlStatement.DropDatabase;
import dev.cdc.source.mysql.ddl.DdlStatement.DropTables;
import dev.cdc.source.mysql.ddl.DdlStatement.RenameTables;
import dev.cdc.source.mysql.ddl.DdlStatement.TruncateTable;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table definitions of a server at one binlog position, kept up to date by applying DDL, and
 * the structured changes each statement makes ({@link SchemaDiff} of the schema module, given the
 * renames the DDL states, so a rename is never mistaken for a drop and an add).
 *
 * <p>Database and table names are case-sensitive (Linux, {@code lower_case_table_names=0});
 * column names are not, as in MySQL. Not thread-safe: the binlog reader owns it.
 */
public final class SchemaCatalog {
    private final String serverCharset;
    private final Map<TableKey, MySqlTable> tables = new LinkedHashMap<>();
    private final Map<TableKey, Long> versions = new HashMap<>();
    private final Map<String, String> databaseCharsets = new HashMap<>();

    /** @param serverCharset {@code character_set_server}, the default of databases created without one */
    public SchemaCatalog(String serverCharset) {
        this.serverCharset = DdlParser.normalizeCharset(requireNonNull(serverCharset, "serverCharset is null"));
    }

    private record TableKey(String database, String name) {
    }

    public Optional<MySqlTable> table(String database, String name) {
        return Optional.ofNullable(tables.get(new TableKey(database, name)));
    }

    public List<MySqlTable> tables() {
        return List.copyOf(tables.values());
    }

    /** Puts a definition read from elsewhere (information_schema, a table map), replacing any. */
    public void define(MySqlTable table) {
        TableKey key = new TableKey(table.database(), table.name());
        tables.put(key, table);
        versions.merge(key, 1L, Long::sum);
    }

    public void defineDatabase(String database, String charset) {
        databaseCharsets.put(database, DdlParser.normalizeCharset(charset));
    }

    /** The schema version of a table: how many definitions it had. */
    public long version(String database, String name) {
        return versions.getOrDefault(new TableKey(database, name), 0L);
    }

    /**
     * Applies a parsed statement that ran with {@code currentDatabase} selected (the binlog query
     * event's database; may be null).
     *
     * @param position the source position of the statement, the valid-from position of the new versions
     */
    public DdlOutcome apply(DdlStatement statement, String currentDatabase, long position) {
        requireNonNull(statement, "statement is null");
        if (statement instanceof CreateTable create) {
            return createTable(create, currentDatabase, position);
        }
        if (statement instanceof CreateTableLike like) {
            return createTableLike(like, currentDatabase, position);
        }
        if (statement instanceof CreateTableAsSelect select) {
            return DdlOutcome.undefined(id(select.table().in(currentDatabase)));
        }
        if (statement instanceof AlterTable alter) {
            return alterTable(alter, currentDatabase, position);
        }
        if (statement instanceof RenameTables rename) {
            return renameTables(rename, currentDatabase, position);
        }
        if (statement instanceof DropTables drop) {
            return dropTables(drop, currentDatabase);
        }
        if (statement instanceof TruncateTable truncate) {
            return DdlOutcome.of(List.of(new SchemaChange.Truncate(id(truncate.table().in(currentDatabase)))));
        }
        if (statement instanceof CreateDatabase create) {
            databaseCharsets.put(create.database(), charsetOf(create.defaultCharset(), create.defaultCollation(), serverCharset));
        } else if (statement instanceof AlterDatabase alter) {
            String database = alter.database() != null ? alter.database() : currentDatabase;
            if (database != null && (alter.defaultCharset() != null || alter.defaultCollation() != null)) {
                databaseCharsets.put(database, charsetOf(alter.defaultCharset(), alter.defaultCollation(), serverCharset));
            }
        } else if (statement instanceof DropDatabase drop) {
            return dropDatabase(drop.database());
        }
        return DdlOutcome.of(List.of());
    }

    private DdlOutcome createTable(CreateTable create, String currentDatabase, long position) {
        TableName name = create.table().in(currentDatabase);
        TableKey key = key(name);
        if (tables.containsKey(key) && create.ifNotExists()) {
            return DdlOutcome.of(List.of());
        }
        List<SchemaChange> changes = new ArrayList<>();
        if (tables.containsKey(key)) {
            changes.add(new SchemaChange.DropTable(id(name)));
        }
        String tableCharset = charsetOf(create.defaultCharset(), create.defaultCollation(), databaseCharset(name.database()));
        List<MySqlColumn> columns = create.columns().stream()
                .map(definition -> column(definition, tableCharset, create.primaryKey().stream().anyMatch(definition.name()::equalsIgnoreCase)))
                .toList();
        List<String> primaryKey = create.primaryKey().stream().map(pk -> canonicalName(columns, pk)).toList();
        MySqlTable table = new MySqlTable(name.database(), name.name(), columns, primaryKey);
        put(key, table, tableCharset);
        changes.add(new SchemaChange.CreateTable(schema(key, table, position)));
        return DdlOutcome.of(changes);
    }

    private DdlOutcome createTableLike(CreateTableLike like, String currentDatabase, long position) {
        TableName name = like.table().in(currentDatabase);
        TableKey key = key(name);
        if (tables.containsKey(key) && like.ifNotExists()) {
            return DdlOutcome.of(List.of());
        }
        MySqlTable original = tables.get(key(like.like().in(currentDatabase)));
        if (original == null) {
            return DdlOutcome.undefined(id(name));
        }
        MySqlTable table = original.withName(name.database(), name.name());
        put(key, table, tableCharsets.getOrDefault(key(like.like().in(currentDatabase)), databaseCharset(name.database())));
        return DdlOutcome.of(List.of(new SchemaChange.CreateTable(schema(key, table, position))));
    }

    private final Map<TableKey, String> tableCharsets = new HashMap<>();

    private void put(TableKey key, MySqlTable table, String charset) {
        tables.put(key, table);
        tableCharsets.put(key, charset);
        versions.merge(key, 1L, Long::sum);
    }

    private DdlOutcome alterTable(AlterTable alter, String currentDatabase, long position) {
        TableName name = alter.table().in(currentDatabase);
        TableKey key = key(name);
        MySqlTable before = tables.get(key);
        if (before == null) {
            return DdlOutcome.undefined(id(name));
        }
        TableAlteration alteration = new TableAlteration(before, tableCharsets.getOrDefault(key, databaseCharset(name.database())));
        alter.actions().forEach(action -> alteration.apply(action, currentDatabase));
        MySqlTable after = alteration.result();
        TableKey afterKey = new TableKey(after.database(), after.name());
        TableSchema beforeSchema = schema(key, before, position);
        tables.remove(key);
        String charset = alteration.tableCharset();
        tableCharsets.remove(key);
        versions.put(afterKey, versions.getOrDefault(key, 0L));
        put(afterKey, after, charset);
        TableSchema afterSchema = schema(afterKey, after, position);
        List<ColumnRename> renames = alteration.renames();
        return DdlOutcome.of(SchemaDiff.compare(beforeSchema, afterSchema, renames));
    }

    private DdlOutcome renameTables(RenameTables rename, String currentDatabase, long position) {
        List<SchemaChange> changes = new ArrayList<>();
        List<TableId> undefined = new ArrayList<>();
        for (RenameTables.Rename pair : rename.renames()) {
            TableName from = pair.from().in(currentDatabase);
            TableName to = pair.to().in(currentDatabase);
            MySqlTable table = tables.remove(key(from));
            if (table == null) {
                undefined.add(id(to));
                changes.add(new SchemaChange.RenameTable(id(from), id(to)));
                continue;
            }
            String charset = tableCharsets.remove(key(from));
            versions.put(key(to), versions.getOrDefault(key(from), 0L));
            versions.remove(key(from));
            put(key(to), table.withName(to.database(), to.name()), charset);
            changes.add(new SchemaChange.RenameTable(id(from), id(to)));
        }
        return new DdlOutcome(changes, undefined);
    }

    private DdlOutcome dropTables(DropTables drop, String currentDatabase) {
        List<SchemaChange> changes = new ArrayList<>();
        for (TableName table : drop.tables()) {
            TableName name = table.in(currentDatabase);
            boolean known = tables.remove(key(name)) != null;
            tableCharsets.remove(key(name));
            if (known || !drop.ifExists()) {
                changes.add(new SchemaChange.DropTable(id(name)));
            }
        }
        return DdlOutcome.of(changes);
    }

    private DdlOutcome dropDatabase(String database) {
        List<SchemaChange> changes = new ArrayList<>();
        for (TableKey key : List.copyOf(tables.keySet())) {
            if (key.database().equals(database)) {
                tables.remove(key);
                tableCharsets.remove(key);
                changes.add(new SchemaChange.DropTable(TableId.ofCatalogTable(key.database(), key.name())));
            }
        }
        databaseCharsets.remove(database);
        return DdlOutcome.of(changes);
    }

    private TableSchema schema(TableKey key, MySqlTable table, long position) {
        return table.toTableSchema(Math.max(0, versions.getOrDefault(key, 0L)), position);
    }

    /** A column of a definition, with its character set resolved and NOT NULL for key columns. */
    static MySqlColumn column(ColumnDefinition definition, String tableCharset, boolean inPrimaryKey) {
        var type = definition.type();
        if (definition.isText() && type.charset() == null) {
            type = type.withCharset(charsetOf(null, definition.collation(), tableCharset));
        }
        boolean nullable = definition.nullable() != null ? definition.nullable() && !inPrimaryKey : !inPrimaryKey;
        return new MySqlColumn(definition.name(), type, nullable, definition.defaultExpression(), definition.autoIncrement(),
                definition.generated(), definition.comment());
    }

    /** The charset named, else the one of the collation named, else {@code fallback}. */
    static String charsetOf(String charset, String collation, String fallback) {
        if (charset != null) {
            return DdlParser.normalizeCharset(charset);
        }
        if (collation != null) {
            String lower = collation.toLowerCase(Locale.ROOT);
            int underscore = lower.indexOf('_');
            return DdlParser.normalizeCharset(underscore < 0 ? lower : lower.substring(0, underscore));
        }
        return fallback;
    }

    private String databaseCharset(String database) {
        return database == null ? serverCharset : databaseCharsets.getOrDefault(database, serverCharset);
    }

    private static String canonicalName(List<MySqlColumn> columns, String name) {
        return columns.stream().map(MySqlColumn::name).filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }

    private static TableKey key(TableName name) {
        return new TableKey(name.database() == null ? "" : name.database(), name.name());
    }

    private static TableId id(TableName name) {
        return TableId.ofCatalogTable(name.database() == null ? "" : name.database(), name.name());
    }
}
