package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.dialect.Dialect;

/**
 * Empties a table for a truncate at a source position, so that neither a replay of the truncate nor
 * a replay of the changes before it undo what came after:
 * <ol>
 *   <li>when {@code __cdc_tables} already holds a truncate at this position or a later one, nothing
 *   happens (the truncate was applied: a replay, or the same truncate seen twice);</li>
 *   <li>the position goes into {@code __cdc_tables}, where every guarded upsert consults it;</li>
 *   <li>rows older than the truncate are removed: {@code TRUNCATE} (PostgreSQL) when no row is at or
 *   after the position, otherwise {@code DELETE ... WHERE position < ?}, which keeps rows written by
 *   later changes that arrived first (another partition, another task);</li>
 *   <li>tombstones older than the truncate are removed: the truncate position covers them.</li>
 * </ol>
 * All in the caller's transaction. A truncate without a position (a foreign event that carries
 * none) empties the table unguarded, as before. Used by the task thread only.
 */
public final class TableTruncator {
    private static final Logger LOG = LoggerFactory.getLogger(TableTruncator.class);

    private final Dialect dialect;
    private final TableManager tables;
    private final String positionColumn;

    public TableTruncator(Dialect dialect, TableManager tables, JdbcSinkConfig config) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.positionColumn = config.write().positionColumn();
    }

    /**
     * Truncates a (schema-resolved) table at a position; the caller commits.
     *
     * @param position the truncate's source position, null when the event has none
     * @return whether rows were removed (false: table missing, or the truncate was already applied)
     */
    public boolean truncate(Connection connection, TableRef table, Long position) throws SQLException {
        requireNonNull(table, "table is null");
        boolean guarded = position != null && tables.keepsTableStates();
        if (guarded) {
            tables.states().ensure(connection, table, () -> { });
        }
        // reading definitions commits: read them all before the first write
        Optional<TableDefinition> definition = tables.read(connection, table);
        TableRef tombstones = TombstoneTables.of(table, dialect.maxIdentifierLength());
        boolean hasTombstones = definition.isPresent() && tables.read(connection, tombstones).isPresent();
        if (guarded) {
            OptionalLong applied = tables.states().truncatedPosition(connection, table);
            if (applied.isPresent() && applied.getAsLong() >= position) {
                LOG.info("Skipping the truncate of {} at position {}: a truncate at position {} was applied", table, position,
                        applied.getAsLong());
                return false;
            }
            tables.states().recordTruncate(connection, table, position);
        }
        if (definition.isEmpty()) {
            LOG.info("Truncate of {}: the table does not exist", table);
            return false;
        }
        if (position == null || !definition.get().hasColumn(positionColumn)) {
            execute(connection, dialect.truncate(table));
            return true;
        }
        if (hasRowAtOrAfter(connection, table, position)) {
            deleteOlder(connection, table, position);
        } else {
            execute(connection, dialect.truncate(table));
        }
        if (hasTombstones) {
            deleteOlder(connection, tombstones, position);
        }
        return true;
    }

    private boolean hasRowAtOrAfter(Connection connection, TableRef table, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.anyRowAtOrAfter(table, positionColumn))) {
            statement.setLong(1, position);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void deleteOlder(Connection connection, TableRef table, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.deleteOlderThan(table, positionColumn))) {
            statement.setLong(1, position);
            statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
