package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.sink.jdbc.dialect.RowShape;
import dev.cdc.sink.jdbc.dialect.WriteColumn;

/**
 * The table-state table {@code __cdc_tables (table_name PRIMARY KEY, truncated_position)}, one per
 * target schema (PostgreSQL) or database (MySQL), next to the tables it describes. It keeps the
 * position of each table's last truncate (or drop, with {@code schema.evolution.drop.tables=drop}),
 * the greatest one; every guarded upsert skips changes older than it, so replaying a topic from
 * before a truncate does not bring the truncated rows back. Used by the task thread only; the
 * statements run in the caller's transaction, except {@link #ensure}, which commits its DDL.
 */
public final class TableStates {
    public static final String TABLE = "__cdc_tables";
    public static final String NAME_COLUMN = "table_name";
    public static final String TRUNCATED_COLUMN = "truncated_position";
    private static final Logger LOG = LoggerFactory.getLogger(TableStates.class);
    private static final int NAME_LENGTH = 255;

    private final Dialect dialect;
    private final Set<TableRef> known = new HashSet<>();

    public TableStates(Dialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** The table-state table of a (schema-resolved) table. */
    public static TableRef of(TableRef table) {
        return table.sibling(TABLE);
    }

    /**
     * Creates the table-state table next to {@code table} unless it exists.
     *
     * @param beforeDdl runs before the CREATE, to write what the caller holds
     * @return the table-state table
     */
    public TableRef ensure(Connection connection, TableRef table, Runnable beforeDdl) throws SQLException {
        TableRef states = of(table);
        if (known.contains(states)) {
            return states;
        }
        if (dialect.readTable(connection, states).isEmpty()) {
            beforeDdl.run();
            String create = dialect.createTable(states, List.of(
                    ColumnDefinition.of(NAME_COLUMN, nameColumn().sqlType(), false),
                    ColumnDefinition.of(TRUNCATED_COLUMN, positionColumn().sqlType(), false)), List.of(NAME_COLUMN));
            LOG.info("Creating the table-state table {}: {}", states, create);
            try (Statement statement = connection.createStatement()) {
                statement.execute(create);
            }
        }
        connection.commit();
        known.add(states);
        return states;
    }

    /** The position of the table's last truncate, if any. */
    public OptionalLong truncatedPosition(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT " + dialect.quote(TRUNCATED_COLUMN) + " FROM " + dialect.qualified(of(table)) + " WHERE "
                + dialect.quote(NAME_COLUMN) + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Records a truncate of the table at a position, keeping the greater of the stored and this one. */
    public void recordTruncate(Connection connection, TableRef table, long position) throws SQLException {
        RowShape shape = new RowShape(of(table), List.of(nameColumn(), positionColumn()), List.of(NAME_COLUMN), TRUNCATED_COLUMN, null);
        try (PreparedStatement statement = connection.prepareStatement(dialect.recordTombstones(shape, 1))) {
            dialect.bind(statement, 1, nameColumn(), table.name());
            dialect.bind(statement, 2, positionColumn(), position);
            statement.executeUpdate();
        }
    }

    /** Moves the state of {@code from} to {@code to} (a renamed table); both table-state tables must exist. */
    public void rename(Connection connection, TableRef from, TableRef to) throws SQLException {
        OptionalLong truncated = truncatedPosition(connection, from);
        if (truncated.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + dialect.qualified(of(from)) + " WHERE "
                + dialect.quote(NAME_COLUMN) + " = ?")) {
            statement.setString(1, from.name());
            statement.executeUpdate();
        }
        recordTruncate(connection, to, truncated.getAsLong());
    }

    /** Forgets which table-state tables exist, e.g. after a failure. */
    public void forget() {
        known.clear();
    }

    private WriteColumn nameColumn() {
        return new WriteColumn(NAME_COLUMN, ColumnType.string(NAME_LENGTH), dialect.columnType(ColumnType.string(NAME_LENGTH), true));
    }

    private WriteColumn positionColumn() {
        return new WriteColumn(TRUNCATED_COLUMN, ColumnType.int64(), dialect.columnType(ColumnType.int64(), false));
    }
}
