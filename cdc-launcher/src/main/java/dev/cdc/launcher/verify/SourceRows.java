package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a table's rows in primary-key order, a chunk at a time (keyset pagination), so tables of
 * millions of rows are never loaded whole. Values come as text (binary columns as bytes).
 */
final class SourceRows {
    private final Connection connection;
    private final TableInfo table;

    SourceRows(Connection connection, TableInfo table) {
        this.connection = requireNonNull(connection, "connection is null");
        this.table = requireNonNull(table, "table is null");
    }

    /** A row: its key values as text and every column's value. */
    record Row(List<String> key, Map<String, Object> values) {
    }

    /** The next chunk after {@code afterKey} (null for the first). */
    List<Row> chunk(List<String> afterKey, int size) throws SQLException {
        String keyColumns = keyList();
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList()).append(" FROM ").append(quotedTable());
        if (afterKey != null) {
            sql.append(" WHERE (").append(keyColumns).append(") > (")
                    .append(table.primaryKey().stream().map(c -> "?").collect(Collectors.joining(", "))).append(")");
        }
        sql.append(" ORDER BY ").append(keyColumns).append(" LIMIT ").append(size);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            if (afterKey != null) {
                for (int i = 0; i < afterKey.size(); i++) {
                    statement.setString(i + 1, afterKey.get(i));
                }
            }
            return read(statement);
        }
    }

    /** The row with this key, if it exists now. */
    Optional<Row> byKey(List<String> key) throws SQLException {
        String sql = "SELECT " + columnList() + " FROM " + quotedTable() + " WHERE "
                + table.primaryKey().stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < key.size(); i++) {
                statement.setString(i + 1, key.get(i));
            }
            List<Row> rows = read(statement);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    long count() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + quotedTable());
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Row> read(PreparedStatement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnInfo column = table.columns().get(i);
                    ValueNormalizer.Kind kind = ValueNormalizer.kind(column);
                    boolean bytes = kind == ValueNormalizer.Kind.BINARY || kind == ValueNormalizer.Kind.BITS
                            || kind == ValueNormalizer.Kind.BOOLEAN || kind == ValueNormalizer.Kind.SPATIAL;
                    values.put(column.name(), bytes ? rs.getBytes(i + 1) : rs.getString(i + 1));
                }
                List<String> key = new ArrayList<>();
                for (String keyColumn : table.primaryKey()) {
                    Object value = values.get(keyColumn);
                    key.add(value == null ? null : value.toString());
                }
                rows.add(new Row(key, values));
            }
        }
        return rows;
    }

    /**
     * Temporal columns are cast to text by the server: MariaDB Connector/J 3.5 renders a
     * DATETIME(3) value of .001 s as ".1000" through getString.
     */
    private String columnList() {
        return table.columns().stream()
                .map(c -> c.readAsText() ? "CAST(" + quote(c.name()) + " AS CHAR)" : quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    private String keyList() {
        return table.primaryKey().stream().map(SourceRows::quote).collect(Collectors.joining(", "));
    }

    private String quotedTable() {
        return quote(table.database()) + "." + quote(table.table());
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
