package dev.cdc.sink.jdbc.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A uniquely named schema (PostgreSQL) or database (MariaDB) on the local stack's real server, for
 * one test, dropped by {@link #close()}.
 */
abstract class TargetDatabase implements AutoCloseable {
    @Override
    public abstract void close() throws SQLException;

    protected final String name = "sink_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    abstract Connection admin() throws SQLException;

    abstract String quote(String identifier);

    /** The native type of a column, lower case, e.g. {@code character varying(20)} or {@code varchar(20)}. */
    abstract String columnType(String table, String column) throws SQLException;

    abstract boolean isNullable(String table, String column) throws SQLException;

    abstract boolean tableExists(String table) throws SQLException;

    /** Ends the sink's connections from the server side, as a restart or network failure would. */
    abstract int killSinkConnections(String applicationName) throws SQLException;

    String qualified(String table) {
        return quote(name) + "." + quote(table);
    }

    List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<Map<String, Object>> result = new ArrayList<>();
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** Every row of a table, ordered by the first column. */
    List<Map<String, Object>> rows(String table) throws SQLException {
        return query("SELECT * FROM " + qualified(table) + " ORDER BY 1");
    }

    long count(String table) throws SQLException {
        return ((Number) query("SELECT COUNT(*) AS n FROM " + qualified(table)).get(0).get("n")).longValue();
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
