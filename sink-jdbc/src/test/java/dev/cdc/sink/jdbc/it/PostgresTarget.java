package dev.cdc.sink.jdbc.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import dev.cdc.testkit.TestStack;

/** A schema in the {@code cdc} database of the local PostgreSQL 15. */
final class PostgresTarget extends TargetDatabase {
    private static final String DATABASE = "cdc";

    PostgresTarget() throws SQLException {
        execute("CREATE SCHEMA " + quote(name));
    }

    @Override
    String jdbcUrl() {
        return TestStack.get().postgresJdbcUrl(DATABASE) + "?currentSchema=" + name;
    }

    @Override
    String user() {
        return TestStack.get().postgresAdminUser().user();
    }

    @Override
    String password() {
        return TestStack.get().postgresAdminUser().password();
    }

    @Override
    Connection admin() throws SQLException {
        return TestStack.get().postgresAdminConnection(DATABASE);
    }

    @Override
    String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    String columnType(String table, String column) throws SQLException {
        return attribute(table, column, "format_type(a.atttypid, a.atttypmod)").toLowerCase(Locale.ROOT);
    }

    @Override
    boolean isNullable(String table, String column) throws SQLException {
        return "f".equals(attribute(table, column, "CASE WHEN a.attnotnull THEN 't' ELSE 'f' END"));
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return !query("SELECT 1 FROM pg_tables WHERE schemaname = '" + name + "' AND tablename = '" + table + "'").isEmpty();
    }

    @Override
    int killSinkConnections(String applicationName) throws SQLException {
        return query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + applicationName + "'").size();
    }

    private String attribute(String table, String column, String expression) throws SQLException {
        String sql = "SELECT " + expression + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND NOT a.attisdropped";
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
        execute("DROP SCHEMA IF EXISTS " + quote(name) + " CASCADE");
    }
}
