package dev.cdc.source.postgres.stream;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.source.postgres.config.CaptureFilter;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.TableSchemaFactory;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.RelationColumn;
import dev.cdc.source.postgres.server.ColumnInfo;

/**
 * The tables of the stream by pgoutput relation id, at the schema version of the last Relation
 * message: the column list and types come from the message (valid at that point of the WAL);
 * nullability, defaults and the primary key from the catalog (as it is now), falling back to the
 * message's key flags under REPLICA IDENTITY DEFAULT when the table is gone. Used by the reader
 * thread only.
 */
public final class RelationRegistry {
    /**
     * What a Relation message changed.
     *
     * @param previous the table's schema before, empty when the task had not seen it yet
     * @param table    the table at its new schema version
     */
    public record SchemaUpdate(Optional<TableSchema> previous, CapturedTable table) {
    }

    private final String database;
    private final CaptureFilter filter;
    private final TableSchemaFactory schemas;
    private final TableCatalog catalog;
    private final Function<TableSchema, CapturedTable> tables;
    private final Map<Integer, Optional<CapturedTable>> byRelationId = new HashMap<>();
    private final Map<TableId, TableSchema> lastSchemas = new HashMap<>();

    public RelationRegistry(String database, CaptureFilter filter, TableSchemaFactory schemas, TableCatalog catalog,
            Function<TableSchema, CapturedTable> tables) {
        this.database = requireNonNull(database, "database is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** Remembers a table's schema as the snapshot read it, so the first Relation message is compared with it. */
    public void seed(TableSchema schema) {
        lastSchemas.put(schema.id(), schema);
    }

    /**
     * Takes a Relation message.
     *
     * @param position the source position from which the new schema is valid
     * @return the update when the table is captured and its schema is new or changed
     */
    public Optional<SchemaUpdate> onRelation(Relation relation, long position) throws SQLException {
        if (!filter.includesTable(relation.namespace(), relation.name())) {
            byRelationId.put(relation.relationId(), Optional.empty());
            return Optional.empty();
        }
        TableId id = TableId.of(database, relation.namespace(), relation.name());
        TableSchema previous = lastSchemas.get(id);
        long version = previous == null ? 0 : previous.version();
        TableSchema candidate = schemas.build(id, columns(relation), primaryKey(relation), version, position);
        TableSchema current = previous != null && sameStructure(previous, candidate) ? previous
                : candidate.withVersion(previous == null ? 0 : version + 1, position);
        CapturedTable table = tables.apply(current);
        byRelationId.put(relation.relationId(), Optional.of(table));
        lastSchemas.put(id, current);
        return current == previous ? Optional.empty() : Optional.of(new SchemaUpdate(Optional.ofNullable(previous), table));
    }

    /**
     * The captured table of a relation id; empty when it is not captured.
     *
     * @throws IllegalStateException when no Relation message named the id (a protocol error)
     */
    public Optional<CapturedTable> table(int relationId) {
        Optional<CapturedTable> table = byRelationId.get(relationId);
        if (table == null) {
            throw new IllegalStateException("a change of relation " + Integer.toUnsignedString(relationId)
                    + " arrived before its Relation message");
        }
        return table;
    }

    private List<ColumnInfo> columns(Relation relation) throws SQLException {
        Map<String, ColumnInfo> catalogColumns = new HashMap<>();
        for (ColumnInfo column : catalog.columns(Integer.toUnsignedLong(relation.relationId()))) {
            catalogColumns.put(column.name(), column);
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (RelationColumn column : relation.columns()) {
            ColumnInfo known = catalogColumns.get(column.name());
            boolean sameType = known != null && known.typeOid() == column.typeOid();
            columns.add(new ColumnInfo(column.name(), column.typeOid(), column.typeModifier(), sameType && known.notNull(),
                    sameType ? known.defaultExpression() : null));
        }
        return columns;
    }

    private List<String> primaryKey(Relation relation) throws SQLException {
        List<String> key = catalog.primaryKey(Integer.toUnsignedLong(relation.relationId()));
        if (!key.isEmpty() || relation.replicaIdentity() != 'd') {
            return key;
        }
        return relation.columns().stream().filter(RelationColumn::partOfKey).map(RelationColumn::name).toList();
    }

    /** Equal apart from version and position. */
    private static boolean sameStructure(TableSchema a, TableSchema b) {
        return a.columns().equals(b.columns()) && a.primaryKey().equals(b.primaryKey());
    }
}
