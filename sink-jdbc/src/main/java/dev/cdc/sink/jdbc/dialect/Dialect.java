package dev.cdc.sink.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.config.ConnectionConfig;
import dev.cdc.sink.jdbc.config.DialectKind;
import dev.cdc.sink.jdbc.table.ColumnDefinition;
import dev.cdc.sink.jdbc.table.TableDefinition;
import dev.cdc.sink.jdbc.table.TableRef;
import dev.cdc.sink.jdbc.table.TargetColumn;

/**
 * What differs between target databases: connecting, reading a table, type names, DDL and the
 * guarded statements. Implementations are stateless and thread-safe; every SQL text they return
 * quotes every identifier.
 *
 * <p>Guard contract of the row statements: a row of {@link #upsert} changes a stored row only when
 * the stored position is NULL or not greater than the incoming one (equal positions apply, so the
 * last change of a saturated transaction wins by arrival and replays are idempotent); with a
 * tombstone table it inserts nothing for a key whose tombstone position is greater than the
 * incoming one; with a table-state table ({@code __cdc_tables}) it inserts and updates nothing
 * whose position is below the table's last truncate. {@link #delete} removes a row only when its position is not greater than the
 * delete's.
 */
public interface Dialect {
    DialectKind kind();

    /** A new connection, auto-commit off, session time zone UTC. */
    Connection connect(ConnectionConfig config, String applicationName) throws SQLException;

    /** The schema (PostgreSQL) or database (MySQL) unqualified names resolve to; null when none is selected. */
    String currentSchema(Connection connection) throws SQLException;

    String quote(String identifier);

    default String qualified(TableRef table) {
        return table.schemaName().map(schema -> quote(schema) + ".").orElse("") + quote(table.name());
    }

    /** The column type for a logical type; {@code key} columns get a type that can be indexed. */
    String columnType(ColumnType type, boolean key);

    /** The logical type of a type text as the database reports it; empty for types the sink does not know. */
    Optional<ColumnType> parseType(String nativeType);

    /** The logical type a column of {@link #columnType} really has, as read back. */
    default ColumnType storedType(ColumnType type, boolean key) {
        return parseType(columnType(type, key)).orElse(type);
    }

    /** The table, or empty when it does not exist. */
    Optional<TableDefinition> readTable(Connection connection, TableRef table) throws SQLException;

    /** Longest identifier. */
    int maxIdentifierLength();

    // ---- DDL ----

    String createTable(TableRef table, List<ColumnDefinition> columns, List<String> primaryKey);

    String addColumn(TableRef table, ColumnDefinition column);

    String renameColumn(TableRef table, String from, String to);

    String changeColumnType(TableRef table, TargetColumn column, String newType);

    String dropNotNull(TableRef table, TargetColumn column);

    String dropColumn(TableRef table, String column);

    /**
     * Converts a column to a type that is not a widening, keeping every value or failing: PostgreSQL
     * {@code ALTER COLUMN ... TYPE ... USING CAST(...)}, MySQL {@code MODIFY COLUMN} (strict mode
     * rejects values that do not convert). One statement, so the table is converted whole or not at all.
     */
    String convertColumnType(TableRef table, TargetColumn column, String newType);

    /** The statements that give {@code from} the name and schema of {@code to}. */
    List<String> renameTable(TableRef from, TableRef to);

    default String dropTable(TableRef table) {
        return "DROP TABLE IF EXISTS " + qualified(table);
    }

    /** A SQL string literal. */
    String literal(String text);

    /** Removes every row, inside the current transaction. */
    String truncate(TableRef table);

    /** Removes the rows older than a truncate: one parameter, the truncate's position. */
    default String deleteOlderThan(TableRef table, String positionColumn) {
        String position = quote(positionColumn);
        return "DELETE FROM " + qualified(table) + " WHERE " + position + " IS NULL OR " + position + " < ?";
    }

    /** Selects one row when the table holds a row at or after a position: one parameter, the position. */
    default String anyRowAtOrAfter(TableRef table, String positionColumn) {
        return "SELECT 1 FROM " + qualified(table) + " WHERE " + quote(positionColumn) + " >= ? LIMIT 1";
    }

    // ---- rows ----

    /** Most bind parameters in one statement. */
    int maxParameters();

    String insert(RowShape shape, int rows);

    String upsert(RowShape shape, int rows);

    /** A single-row guarded UPDATE: SET every non-key column, WHERE key and guard; parameters in {@link #updateParameterOrder}. */
    String update(RowShape shape);

    /** The indexes into {@code shape.columns()} in the order {@link #update} binds them. */
    List<Integer> updateParameterOrder(RowShape shape);

    /**
     * Selects, in ascending order, the 0-based indexes of the bound keys that {@code table} holds no
     * row for; one row of parameters per key, {@code keyColumns} bound in order.
     */
    String absentKeys(TableRef table, List<WriteColumn> keyColumns, int rows);

    /** Deletes rows by key whose position is not greater than the delete's; the shape has the key and position columns. */
    String delete(RowShape shape, int rows);

    /** Records delete positions in a tombstone table, keeping the greater position of a key. */
    String recordTombstones(RowShape shape, int rows);

    /** Binds one value ({@link dev.cdc.sink.jdbc.record.ValueConverter}'s Java types, or null). */
    void bind(PreparedStatement statement, int index, WriteColumn column, Object value) throws SQLException;
}
