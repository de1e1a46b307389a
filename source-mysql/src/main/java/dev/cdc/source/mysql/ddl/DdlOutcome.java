package dev.cdc.source.mysql.ddl;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import java.util.List;

/**
 * What applying one DDL statement did: the structured changes, and the tables whose definition
 * the statement does not give ({@code CREATE TABLE ... SELECT}, {@code LIKE} an unknown table, an
 * ALTER of an unknown table), which must be read from the server or the next table map.
 */
public record DdlOutcome(List<SchemaChange> changes, List<TableId> undefinedTables) {
    public DdlOutcome {
        changes = List.copyOf(changes);
        undefinedTables = List.copyOf(undefinedTables);
    }

    static DdlOutcome of(List<SchemaChange> changes) {
        return new DdlOutcome(changes, List.of());
    }

    static DdlOutcome undefined(TableId table) {
        return new DdlOutcome(List.of(), List.of(table));
    }
}
