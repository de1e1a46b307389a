package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.sink.jdbc.config.DropTablePolicy;
import dev.cdc.sink.jdbc.config.InsertMode;
import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.config.PrimaryKeyMode;
import dev.cdc.sink.jdbc.config.SchemaEvolutionMode;
import dev.cdc.sink.jdbc.dialect.Dialect;

/**
 * Applies the structured changes of a schema-change event that a record schema cannot tell: the
 * rest (added and dropped columns, type and nullability changes, new tables) follows from the data
 * records' schemas. The event and the data records travel on different topics, so either may come
 * first; every step is idempotent and checks the target before it acts:
 * <ul>
 *   <li><b>RenameColumn</b>: old column and no new one: {@code RENAME COLUMN}, values kept. Both
 *   (records of the new schema came first and added the new column): the rows last written before
 *   the rename (position below the event's) take the old column's value, then the old column is
 *   dropped. Only the new one: already done. Records of the old schema that arrive afterwards are
 *   written to the renamed column ({@link RenamedColumns}).</li>
 *   <li><b>RenameTable</b>: the table, its tombstone table and its {@code __cdc_tables} entry are
 *   renamed (names by {@code table.name.format}). When the new table exists too (records under
 *   the new name came first), the task stops with the SQL that merges the two.</li>
 *   <li><b>DropTable</b>: kept ({@code schema.evolution.drop.tables=keep}), or dropped with its
 *   tombstone table, the drop's position kept in {@code __cdc_tables} so a replay cannot refill it.</li>
 *   <li><b>ChangePrimaryKey</b>: when the target's key differs from the new one, the task stops with
 *   the statements that change it; the sink does not re-key rows on its own.</li>
 *   <li><b>Truncate</b>: nothing; the data topic's {@code op=t} event truncates, once (see
 *   {@link TableTruncator}).</li>
 * </ul>
 * With {@code schema.evolution=none} nothing is changed, the events are logged. Used by the task thread only.
 */
public final class SchemaEventApplier {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaEventApplier.class);

    private final Dialect dialect;
    private final TableManager tables;
    private final JdbcSinkConfig config;

    public SchemaEventApplier(Dialect dialect, TableManager tables, JdbcSinkConfig config) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * Applies an event; commits what it changes.
     *
     * @param targets the target table of a table id of the event
     * @throws SchemaMismatchException when a change needs a person, with the SQL to run
     */
    public void apply(Connection connection, SchemaChangeEvent event, Function<TableId, TableRef> targets) throws SQLException {
        requireNonNull(event, "event is null");
        for (SchemaChange change : event.changes()) {
            if (config.evolution().mode() == SchemaEvolutionMode.NONE && change.kind() != dev.cdc.schema.diff.SchemaChangeKind.TRUNCATE_TABLE) {
                LOG.warn("Schema-change event {}: schema.evolution=none, leaving the target as it is", change);
                continue;
            }
            if (change instanceof SchemaChange.RenameColumn rename) {
                renameColumn(connection, target(connection, targets, event.table()), rename, event.position());
            } else if (change instanceof SchemaChange.RenameTable rename) {
                renameTable(connection, target(connection, targets, rename.from()), target(connection, targets, rename.to()));
            } else if (change instanceof SchemaChange.DropTable) {
                dropTable(connection, target(connection, targets, event.table()), event.position());
            } else if (change instanceof SchemaChange.ChangePrimaryKey key) {
                checkPrimaryKey(connection, target(connection, targets, event.table()), key, event.position());
            } else if (change instanceof SchemaChange.Truncate) {
                LOG.debug("Schema-change event {}: the truncate is applied through the data topic's op=t event", change);
            } else {
                LOG.debug("Schema-change event {}: applied from the records' schemas", change);
            }
        }
        connection.commit();
    }

    private TableRef target(Connection connection, Function<TableId, TableRef> targets, TableId table) throws SQLException {
        return tables.resolve(connection, targets.apply(table));
    }

    private void renameColumn(Connection connection, TableRef table, SchemaChange.RenameColumn rename, long position) throws SQLException {
        Optional<TableDefinition> definition = tables.read(connection, table);
        if (definition.isEmpty()) {
            LOG.info("Rename of column '{}' to '{}': table {} does not exist (yet); the records will create it", rename.from(),
                    rename.to(), table);
            return;
        }
        boolean hasOld = definition.get().hasColumn(rename.from());
        boolean hasNew = definition.get().hasColumn(rename.to());
        if (hasOld && !hasNew) {
            tables.runDdl(connection, table, List.of(dialect.renameColumn(table, rename.from(), rename.to())));
            tables.renamedColumns().renamed(table, rename.from(), rename.to());
        } else if (hasOld) {
            mergeRenamedColumn(connection, definition.get(), rename, position);
            tables.renamedColumns().renamed(table, rename.from(), rename.to());
        } else {
            LOG.info("Rename of column '{}' to '{}' of {}: {}", rename.from(), rename.to(), table,
                    hasNew ? "already renamed" : "neither column exists; nothing to do");
            if (hasNew) {
                tables.renamedColumns().renamed(table, rename.from(), rename.to());
            }
        }
        tables.forget(table);
    }

    /** Records of the new schema came first and added the new column: rows last written before the rename keep their values. */
    private void mergeRenamedColumn(Connection connection, TableDefinition definition, SchemaChange.RenameColumn rename, long position)
            throws SQLException {
        TableRef table = definition.table();
        String positionColumn = config.write().positionColumn();
        String olderRows = definition.hasColumn(positionColumn)
                ? dialect.quote(positionColumn) + " IS NULL OR " + dialect.quote(positionColumn) + " < ?"
                : dialect.quote(rename.to()) + " IS NULL";
        String update = "UPDATE " + dialect.qualified(table) + " SET " + dialect.quote(rename.to()) + " = " + dialect.quote(rename.from())
                + " WHERE " + olderRows;
        LOG.info("Rename of column '{}' to '{}' of {}: both exist (records of the new schema came first); moving the values of the rows "
                + "written before position {}: {}", rename.from(), rename.to(), table, position, update);
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            if (definition.hasColumn(positionColumn)) {
                statement.setLong(1, position);
            }
            statement.executeUpdate();
        }
        tables.runDdl(connection, table, List.of(dialect.dropColumn(table, rename.from())));
    }

    private void renameTable(Connection connection, TableRef from, TableRef to) throws SQLException {
        if (from.equals(to)) {
            return;
        }
        if (tables.read(connection, from).isEmpty()) {
            LOG.info("Rename of table {} to {}: {} does not exist; {}", from, to, from,
                    tables.read(connection, to).isPresent() ? "already renamed" : "the records will create " + to);
            return;
        }
        TableRef fromTombstones = TombstoneTables.of(from, dialect.maxIdentifierLength());
        TableRef toTombstones = TombstoneTables.of(to, dialect.maxIdentifierLength());
        if (tables.read(connection, to).isPresent()) {
            throw new SchemaMismatchException("Table " + from + " was renamed to " + to + " at the source, but both exist in the target: "
                    + "records under the new name came first and created " + to + ". Its rows are newer than those of " + from
                    + ". Move the older rows and drop the old table, e.g. INSERT INTO " + dialect.qualified(to) + " (<columns>) SELECT "
                    + "<columns> FROM " + dialect.qualified(from) + " f WHERE NOT EXISTS (SELECT 1 FROM " + dialect.qualified(to)
                    + " t WHERE <t.key = f.key>) AND NOT EXISTS (SELECT 1 FROM " + dialect.qualified(toTombstones)
                    + " d WHERE <d.key = f.key>); " + dialect.dropTable(from) + "; " + dialect.dropTable(fromTombstones)
                    + "; then restart the task");
        }
        List<String> statements = new ArrayList<>(dialect.renameTable(from, to));
        if (tables.read(connection, fromTombstones).isPresent() && tables.read(connection, toTombstones).isEmpty()) {
            statements.addAll(dialect.renameTable(fromTombstones, toTombstones));
        }
        tables.runDdl(connection, from, statements);
        if (tables.keepsTableStates()) {
            tables.states().ensure(connection, from, () -> { });
            tables.states().ensure(connection, to, () -> { });
            tables.states().rename(connection, from, to);
        }
        tables.forgetTable(from);
        tables.forgetTable(to);
    }

    private void dropTable(Connection connection, TableRef table, long position) throws SQLException {
        if (config.evolution().dropTablePolicy() == DropTablePolicy.KEEP) {
            LOG.info("Table {} was dropped at the source (position {}); keeping it (schema.evolution.drop.tables=keep)", table, position);
            return;
        }
        if (tables.keepsTableStates()) {
            tables.states().ensure(connection, table, () -> { });
            tables.states().recordTruncate(connection, table, position);
        }
        tables.runDdl(connection, table, List.of(dialect.dropTable(table),
                dialect.dropTable(TombstoneTables.of(table, dialect.maxIdentifierLength()))));
        tables.forgetTable(table);
    }

    private void checkPrimaryKey(Connection connection, TableRef table, SchemaChange.ChangePrimaryKey key, long position)
            throws SQLException {
        if (config.write().insertMode() != InsertMode.UPSERT || config.key().mode() != PrimaryKeyMode.RECORD_KEY
                || !config.key().fields().isEmpty()) {
            LOG.info("Primary key of {} changed at the source from {} to {}; the target's key does not follow the source's here "
                    + "(insert.mode, primary.key.mode or primary.key.fields)", table, key.from(), key.to());
            return;
        }
        Optional<TableDefinition> definition = tables.read(connection, table);
        if (definition.isEmpty() || Set.copyOf(definition.get().primaryKey()).equals(Set.copyOf(key.to()))) {
            return;
        }
        throw new SchemaMismatchException("The primary key of the source table of " + table + " changed from " + key.from() + " to "
                + key.to() + " at position " + position + ", but the target has primary key " + definition.get().primaryKey()
                + ". The sink does not re-key a table on its own (rows of the old key may collide under the new one, and deletes "
                + "recorded under the old key no longer match). Fix: " + replacePrimaryKey(table, key.to()) + "; "
                + dialect.dropTable(TombstoneTables.of(table, dialect.maxIdentifierLength())) + " (the sink recreates it with the new "
                + "key; deletes before the change are then no longer guarded against replays); then restart the task. Or route "
                + "the records to a new table with table.name.format");
    }

    private String replacePrimaryKey(TableRef table, List<String> key) {
        String columns = String.join(", ", key.stream().map(dialect::quote).toList());
        if (dialect.kind().isMySqlFamily()) {
            return "ALTER TABLE " + dialect.qualified(table) + " DROP PRIMARY KEY, ADD PRIMARY KEY (" + columns + ")";
        }
        return "ALTER TABLE " + dialect.qualified(table) + " DROP CONSTRAINT " + dialect.quote(table.name() + "_pkey")
                + ", ADD PRIMARY KEY (" + columns + ")";
    }
}
