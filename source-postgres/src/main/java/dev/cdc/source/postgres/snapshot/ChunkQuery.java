package dev.cdc.source.postgres.snapshot;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.cdc.schema.ColumnType;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.replication.TupleData;
import dev.cdc.source.postgres.server.Sql;

/**
 * The keyset query of one primary-key chunk of a table: {@code WHERE (k1, k2) > (last key) ORDER
 * BY k1, k2 LIMIT n}, every column read as the text of its type's output function, the same text
 * pgoutput sends (a cast to text does that for every type but {@code char(n)}, whose cast drops
 * the padding; {@code bpcharout} keeps it). Shared by the initial and the on-demand snapshot.
 */
final class ChunkQuery {
    private final CapturedTable table;
    private final String quotedName;
    private final List<String> keyTypes;
    private final int chunkSize;

    private ChunkQuery(CapturedTable table, String quotedName, List<String> keyTypes, int chunkSize) {
        this.table = table;
        this.quotedName = quotedName;
        this.keyTypes = keyTypes;
        this.chunkSize = chunkSize;
    }

    /** Reads the SQL types of the key columns (to cast the resume key's text) on {@code connection}. */
    static ChunkQuery of(Connection connection, long tableOid, String quotedName, CapturedTable table, int chunkSize)
            throws SQLException {
        requireNonNull(table, "table is null");
        List<String> types = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.format_type(atttypid, NULL)"
                + " FROM pg_catalog.pg_attribute WHERE attrelid = ? AND attname = ?")) {
            for (String column : table.schema().primaryKey()) {
                statement.setLong(1, tableOid);
                statement.setString(2, column);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    types.add(rows.getString(1));
                }
            }
        }
        return new ChunkQuery(table, quotedName, types, chunkSize);
    }

    /** The rows after {@code after} (null: from the start), at most one chunk. */
    List<TupleData> chunk(Connection connection, List<Object> after) throws SQLException {
        // qualified, so that ORDER BY sorts by the column and not by the selected text of the same name
        List<String> key = table.schema().primaryKey().stream().map(column -> "t." + Sql.quote(column)).toList();
        StringBuilder sql = new StringBuilder(selectList());
        List<String> parameters = new ArrayList<>();
        if (after != null) {
            sql.append(" WHERE (").append(String.join(", ", key)).append(") > (");
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("?::").append(keyTypes.get(i));
                parameters.add(after.get(i).toString());
            }
            sql.append(')');
        }
        sql.append(" ORDER BY ").append(String.join(", ", key)).append(" LIMIT ").append(chunkSize);
        return read(connection, sql.toString(), parameters);
    }

    /** Every row (tables without primary key). */
    List<TupleData> all(Connection connection) throws SQLException {
        return read(connection, selectList(), List.of());
    }

    /** The key texts of a row read by this query, to resume after it. */
    List<Object> keyOf(TupleData row) {
        return table.schema().primaryKey().stream().map(name -> (Object) row.text(table.schema().columnNames().indexOf(name))).toList();
    }

    int chunkSize() {
        return chunkSize;
    }

    private String selectList() {
        return "SELECT " + table.schema().columns().stream()
                .map(column -> column.type().kind() == ColumnType.Kind.CHAR
                        ? "pg_catalog.bpcharout(t." + Sql.quote(column.name()) + ")::text"
                        : "t." + Sql.quote(column.name()) + "::text")
                .collect(Collectors.joining(", ")) + " FROM " + quotedName + " t";
    }

    private List<TupleData> read(Connection connection, String sql, List<String> parameters) throws SQLException {
        int columns = table.schema().columns().size();
        List<TupleData> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(chunkSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    TupleData.Kind[] kinds = new TupleData.Kind[columns];
                    String[] texts = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        texts[i] = result.getString(i + 1);
                        kinds[i] = texts[i] == null ? TupleData.Kind.NULL : TupleData.Kind.TEXT;
                    }
                    rows.add(new TupleData(kinds, texts));
                }
            }
        }
        return rows;
    }
}
