package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.source.mysql.ddl.DdlOutcome;
import dev.cdc.source.mysql.ddl.DdlParser;
import dev.cdc.source.mysql.ddl.DdlStatement;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables a DDL statement changes and their definitions right after it, from helper-4's
 * {@link DdlParser} applied to a {@link SchemaCatalog} (seeded from {@code information_schema} at
 * start): the schema at the statement's position, not the schema now. When the parser cannot
 * follow a statement, or the statement does not give a table's columns ({@code CREATE TABLE ...
 * SELECT}), the table's definition is left empty and the caller reads {@code information_schema};
 * statements the parser does not know fall back to {@link DdlTables}. Owned by the reader thread.
 */
public final class DdlSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(DdlSchemas.class);

    private final SchemaCatalog catalog;
    private long lastApplied = -1;

    public DdlSchemas(SchemaCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** One table a statement changed. {@code after} is empty for a drop, a truncate, or a definition the DDL does not give. */
    public record TableDdl(DdlTables.Kind kind, TableId table, TableId previous, Optional<MySqlTable> after, List<ColumnRename> renames) {
        public TableDdl {
            requireNonNull(kind, "kind is null");
            requireNonNull(table, "table is null");
            requireNonNull(after, "after is null");
            renames = List.copyOf(renames);
        }
    }

    /**
     * Applies a statement at {@code position}; a statement at or before the last applied position
     * (read again after a reader restart) changes nothing and yields nothing.
     */
    public List<TableDdl> apply(String sql, String database, long position) {
        if (position <= lastApplied) {
            return List.of();
        }
        lastApplied = position;
        DdlStatement statement;
        try {
            statement = DdlParser.parse(sql);
        } catch (RuntimeException e) {
            LOG.warn("Cannot parse the DDL at position {} ({}); reading the tables it names from information_schema: {}", position,
                    e.getMessage(), sql);
            return fallback(sql, database);
        }
        if (statement instanceof DdlStatement.Ignored) {
            return fallback(sql, database).stream().filter(ddl -> ddl.kind() != DdlTables.Kind.ALTER).toList();
        }
        try {
            return resolve(catalog.apply(statement, database, position));
        } catch (RuntimeException e) {
            LOG.warn("The DDL at position {} does not apply to the known definitions ({}); reading the tables it names from"
                    + " information_schema: {}", position, e.getMessage(), sql);
            return fallback(sql, database);
        }
    }

    private List<TableDdl> resolve(DdlOutcome outcome) {
        Map<TableId, Entry> tables = new LinkedHashMap<>();
        for (SchemaChange change : outcome.changes()) {
            if (change instanceof SchemaChange.CreateTable create) {
                tables.put(create.schema().id(), new Entry(DdlTables.Kind.CREATE, null));
            } else if (change instanceof SchemaChange.DropTable drop) {
                tables.put(drop.table(), new Entry(DdlTables.Kind.DROP, null));
            } else if (change instanceof SchemaChange.Truncate truncate) {
                tables.put(truncate.table(), new Entry(DdlTables.Kind.TRUNCATE, null));
            } else if (change instanceof SchemaChange.RenameTable rename) {
                tables.put(rename.to(), new Entry(DdlTables.Kind.RENAME, rename.from()));
            } else {
                Entry entry = tables.computeIfAbsent(change.table(), id -> new Entry(DdlTables.Kind.ALTER, null));
                if (change instanceof SchemaChange.RenameColumn rename) {
                    entry.renames.add(new ColumnRename(rename.from(), rename.to()));
                }
            }
        }
        List<TableDdl> result = new ArrayList<>();
        tables.forEach((id, entry) -> result.add(new TableDdl(entry.kind, id, entry.previous, definition(entry.kind, id), entry.renames)));
        for (TableId undefined : outcome.undefinedTables()) {
            result.add(new TableDdl(DdlTables.Kind.ALTER, undefined, null, Optional.empty(), List.of()));
        }
        return result;
    }

    private Optional<MySqlTable> definition(DdlTables.Kind kind, TableId id) {
        if (kind == DdlTables.Kind.DROP || kind == DdlTables.Kind.TRUNCATE) {
            return Optional.empty();
        }
        return catalog.table(id.catalog().orElse(""), id.table());
    }

    private static List<TableDdl> fallback(String sql, String database) {
        return DdlTables.of(sql, database).stream()
                .map(touched -> new TableDdl(touched.kind(), touched.table(), touched.previous(), Optional.empty(), List.of())).toList();
    }

    /** Keeps the catalog in step with a definition read elsewhere (information_schema after a fallback). */
    public void define(MySqlTable table) {
        catalog.define(table);
    }

    private static final class Entry {
        private final DdlTables.Kind kind;
        private final TableId previous;
        private final List<ColumnRename> renames = new ArrayList<>();

        Entry(DdlTables.Kind kind, TableId previous) {
            this.kind = kind;
            this.previous = previous;
        }
    }
}
