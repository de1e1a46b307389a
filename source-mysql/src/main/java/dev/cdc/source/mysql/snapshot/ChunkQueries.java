package dev.cdc.source.mysql.snapshot;

import static dev.cdc.source.mysql.snapshot.SnapshotCells.quote;
import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlTable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one table's chunked snapshot. A chunk is {@code [start, end)} by primary key (row
 * value comparison in key order); its end is found with an index-only query for the key
 * {@code chunkSize} rows after its start. Key values travel as Java values the offset codec can
 * store: integers as {@code Long} (BIGINT UNSIGNED as {@code BigInteger}), DECIMAL as
 * {@code BigDecimal}, binary as {@code byte[]}, ENUM and SET as their index / bit mask
 * ({@code Long}, selected as {@code c+0}: the server orders them by that number, and compares them
 * with a number by it), everything else (text, temporal) as {@code String}.
 */
final class ChunkQueries {
    private final MySqlTable table;
    private final String from;
    private final List<MySqlColumn> keyColumns;
    private final String keyList;

    ChunkQueries(MySqlTable table) {
        this.table = requireNonNull(table, "table is null");
        this.from = quote(table.database()) + "." + quote(table.name());
        this.keyColumns = table.primaryKey().stream().map(name -> table.column(name).orElseThrow()).toList();
        this.keyList = keyColumns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
    }

    boolean hasKey() {
        return !keyColumns.isEmpty();
    }

    /** {@code SELECT <key> FROM t WHERE (key) >= (start) ORDER BY key LIMIT 1 OFFSET n}: the end of the chunk from {@code start}. */
    String boundary(List<Object> start, int chunkSize) {
        return "SELECT " + keySelectList() + " FROM " + from + where(start, null) + " ORDER BY " + keyList + " LIMIT 1 OFFSET " + chunkSize;
    }

    /** The chunk's rows: every column, then the key columns as parameter values. */
    String rows(Chunk chunk) {
        String select = String.join(", ", SnapshotCells.selectList(table));
        if (!hasKey()) {
            return "SELECT " + select + " FROM " + from;
        }
        return "SELECT " + select + ", " + keySelectList() + " FROM " + from + where(chunk.start(), chunk.end()) + " ORDER BY " + keyList;
    }

    /** Binds the chunk's bounds to a statement made from {@link #rows} or {@link #boundary}. */
    void bind(PreparedStatement statement, List<Object> start, List<Object> end) throws SQLException {
        int index = 1;
        for (List<Object> bound : new List[] {start, end}) {
            if (bound != null) {
                for (Object value : bound) {
                    statement.setObject(index++, value);
                }
            }
        }
    }

    /** The key of the current row, read from the key columns that start at {@code first}. */
    List<Object> key(ResultSet row, int first) throws SQLException {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            key.add(keyValue(row, first + i, keyColumns.get(i)));
        }
        return Collections.unmodifiableList(key);
    }

    private static Object keyValue(ResultSet row, int index, MySqlColumn column) throws SQLException {
        return switch (column.type().dataType()) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, ENUM, SET -> row.getLong(index);
            case BIGINT -> {
                BigDecimal value = row.getBigDecimal(index);
                yield column.type().unsigned() && value.signum() > 0 && value.toBigInteger().bitLength() > 63 ? value.toBigInteger() : (Object) value.longValue();
            }
            case DECIMAL -> row.getBigDecimal(index);
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> row.getBytes(index);
            default -> row.getString(index);
        };
    }

    private String keySelectList() {
        return keyColumns.stream().map(column -> switch (column.type().dataType()) {
            case DATE, DATETIME, TIMESTAMP, TIME -> "CAST(" + quote(column.name()) + " AS CHAR)";
            case ENUM, SET -> "(" + quote(column.name()) + "+0)";
            default -> quote(column.name());
        }).collect(Collectors.joining(", "));
    }

    private String where(List<Object> start, List<Object> end) {
        List<String> conditions = new ArrayList<>();
        String placeholders = keyColumns.stream().map(column -> "?").collect(Collectors.joining(", "));
        if (start != null) {
            conditions.add("(" + keyList + ") >= (" + placeholders + ")");
        }
        if (end != null) {
            conditions.add("(" + keyList + ") < (" + placeholders + ")");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    int columnCount() {
        return table.columns().size();
    }

    String tableName() {
        return table.database() + "." + table.name();
    }
}
