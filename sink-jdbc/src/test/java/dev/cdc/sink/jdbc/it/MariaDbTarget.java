package dev.cdc.sink.jdbc.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cdc.testkit.TestStack;

/** A database on the local MariaDB 10.11. */
final class MariaDbTarget extends TargetDatabase {
    MariaDbTarget() throws SQLException {
        server("CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4");
    }

    private static void server(String sql) throws SQLException {
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    String jdbcUrl() {
        return TestStack.get().mysqlJdbcUrl(name);
    }

    @Override
    String user() {
        return TestStack.get().mysqlAdminUser().user();
    }

    @Override
    String password() {
        return TestStack.get().mysqlAdminUser().password();
    }

    @Override
    Connection admin() throws SQLException {
        return TestStack.get().mysqlAdminConnection(name);
    }

    @Override
    String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    String columnType(String table, String column) throws SQLException {
        return column(table, column, "COLUMN_TYPE").toLowerCase(Locale.ROOT);
    }

    @Override
    boolean isNullable(String table, String column) throws SQLException {
        return "YES".equals(column(table, column, "IS_NULLABLE"));
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return !query("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + name + "' AND TABLE_NAME = '" + table + "'")
                .isEmpty();
    }

    @Override
    int killSinkConnections(String applicationName) throws SQLException {
        List<Map<String, Object>> sessions = query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + name
                + "' AND ID <> CONNECTION_ID()");
        for (Map<String, Object> session : sessions) {
            execute("KILL " + session.get("id"));
        }
        return sessions.size();
    }

    private String column(String table, String column, String attribute) throws SQLException {
        String sql = "SELECT " + attribute + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?";
        try (Connection connection = admin(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no column " + column + " in " + name + "." + table);
                }
                return rows.getString(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        server("DROP DATABASE IF EXISTS " + quote(name));
    }
}
