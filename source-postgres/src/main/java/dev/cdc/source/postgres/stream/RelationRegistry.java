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
import dev.cdc.schema.diff.ColumnRename;
import dev.cdc.schema.diff.SchemaDiff;
import dev.cdc.source.postgres.config.CaptureFilter;
import dev.cdc.source.postgres.ddl.DdlMessage;
import dev.cdc.source.postgres.ddl.PendingDdl;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.TableSchemaFactory;
import dev.cdc.source.postgres.history.OffsetSchemaHistory;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.RelationColumn;
import dev.cdc.source.postgres.server.ColumnInfo;

/**
 * The tables of the stream by pgoutput relation id (the table's oid), at the schema version of
 * the last Relation message: the column list and types come from the message (valid at that point
 * of the WAL); nullability, defaults and the primary key from the catalog (as it is now), falling
 * back to the message's key flags under REPLICA IDENTITY DEFAULT when the table is gone.
 *
 * <p>Each new schema is compared with the table's last known one from the {@link OffsetSchemaHistory}
 * (also across restarts), paired with the DDL messages of the table received since its last
 * Relation message ({@link PendingDdl}): their text goes into the schema-change event and their
 * RENAME COLUMN clauses become rename hints for {@link SchemaDiff}. A partition whose changes come
 * under its partitioned table's name is not captured ({@link TableCatalog#publishedViaRoot}). Used by
 * the reader thread only.
 */
public final class RelationRegistry {
    /**
     * A table whose schema is new or changed.
     *
     * @param tableOid the table's oid
     * @param previous the table's last known schema, empty when first seen
     * @param table    the table at its new schema version
     * @param ddl      the DDL statements that led to it, when captured
     * @param renames  the column renames the DDL stated
     */
    public record SchemaUpdate(long tableOid, Optional<TableSchema> previous, CapturedTable table, Optional<String> ddl,
            List<ColumnRename> renames) {
        public SchemaUpdate {
            requireNonNull(previous, "previous is null");
            requireNonNull(table, "table is null");
            requireNonNull(ddl, "ddl is null");
            renames = List.copyOf(renames);
        }
    }

    /**
     * A captured table dropped.
     *
     * @param previous its last known schema, when known
     */
    public record TableDrop(long tableOid, TableId table, Optional<TableSchema> previous, String ddl) {
        public TableDrop {
            requireNonNull(table, "table is null");
            requireNonNull(previous, "previous is null");
            requireNonNull(ddl, "ddl is null");
        }
    }

    private final String database;
    private final CaptureFilter filter;
    private final TableSchemaFactory schemas;
    private final TableCatalog catalog;
    private final Function<TableSchema, CapturedTable> tables;
    private final OffsetSchemaHistory history;
    private final Map<Integer, Optional<CapturedTable>> byRelationId = new HashMap<>();
    private final Map<Long, PendingDdl> pending = new HashMap<>();

    public RelationRegistry(String database, CaptureFilter filter, TableSchemaFactory schemas, TableCatalog catalog,
            Function<TableSchema, CapturedTable> tables, OffsetSchemaHistory history) {
        this.database = requireNonNull(database, "database is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.history = requireNonNull(history, "history is null");
    }

    /**
     * A table's schema as the snapshot read it.
     *
     * @return the update when it differs from the last known schema (or none is known)
     */
    public Optional<SchemaUpdate> onSnapshot(long tableOid, TableSchema schema) {
        requireNonNull(schema, "schema is null");
        return update(tableOid, schema, new PendingDdl());
    }

    /**
     * Takes a Relation message.
     *
     * @param position the source position from which the new schema is valid
     * @return the update when the table is captured and its schema is new or changed
     */
    public Optional<SchemaUpdate> onRelation(Relation relation, long position) throws SQLException {
        long oid = Integer.toUnsignedLong(relation.relationId());
        if (!filter.includesTable(relation.namespace(), relation.name()) || catalog.publishedViaRoot(oid)) {
            byRelationId.put(relation.relationId(), Optional.empty());
            pending.remove(oid);
            return Optional.empty();
        }
        TableId id = TableId.of(database, relation.namespace(), relation.name());
        TableSchema candidate = schemas.build(id, columns(relation), primaryKey(relation), 0, position);
        Optional<SchemaUpdate> update = update(oid, candidate, pending.getOrDefault(oid, new PendingDdl()));
        pending.remove(oid);
        // unchanged: the schema as built now (exact native types), at the version and position known
        CapturedTable table = update.map(SchemaUpdate::table).orElseGet(() -> tables.apply(history.latest(oid)
                .map(known -> candidate.withVersion(known.version(), known.validFromPosition())).orElseThrow()));
        byRelationId.put(relation.relationId(), Optional.of(table));
        return update;
    }

    /** A relation whose changes are not events (the signal table). */
    public void ignore(int relationId) {
        byRelationId.put(relationId, Optional.empty());
    }

    /** Takes a DDL message of the event trigger (not a drop): it waits for the table's next Relation message. */
    public void onDdl(DdlMessage message) {
        if (filter.includesTable(message.schema(), message.table())) {
            pending.computeIfAbsent(message.tableOid(), oid -> new PendingDdl()).add(message);
        }
    }

    /**
     * Takes the DROP TABLE message of the event trigger.
     *
     * @return the drop when the table was captured
     */
    public Optional<TableDrop> onDrop(DdlMessage message) {
        long oid = message.tableOid();
        pending.remove(oid);
        byRelationId.remove((int) oid);
        if (!filter.includesTable(message.schema(), message.table())) {
            return Optional.empty();
        }
        Optional<TableSchema> previous = history.latest(oid);
        TableId id = previous.map(TableSchema::id).orElse(TableId.of(database, message.schema(), message.table()));
        return Optional.of(new TableDrop(oid, id, previous, message.ddl()));
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

    private Optional<SchemaUpdate> update(long oid, TableSchema candidate, PendingDdl ddl) {
        Optional<TableSchema> previous = history.latest(oid);
        if (previous.isEmpty()) {
            return Optional.of(new SchemaUpdate(oid, previous, tables.apply(candidate), ddl.ddl(), List.of()));
        }
        List<ColumnRename> renames = ddl.renames(previous.get(), candidate);
        if (SchemaDiff.compare(previous.get(), candidate, renames).isEmpty()) {
            return Optional.empty();
        }
        TableSchema next = candidate.withVersion(previous.get().version() + 1, candidate.validFromPosition());
        return Optional.of(new SchemaUpdate(oid, previous, tables.apply(next), ddl.ddl(), renames));
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
}
