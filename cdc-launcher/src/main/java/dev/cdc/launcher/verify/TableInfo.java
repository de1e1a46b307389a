package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A source table: its columns in order and its primary key, from information_schema. */
public record TableInfo(String database, String table, List<ColumnInfo> columns, List<String> primaryKey) {
    public TableInfo {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public String qualifiedName() {
        return database + "." + table;
    }

    public ColumnInfo column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(qualifiedName() + " has no column " + name));
    }

    /** Base tables of a database, in name order. */
    public static List<TableInfo> readAll(Connection connection, String database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(read(connection, database, name));
        }
        return tables;
    }

    public static TableInfo read(Connection connection, String database, String table) throws SQLException {
        java.util.Set<String> jsonColumns = mariaDbJsonColumns(connection, database, table);
        List<ColumnInfo> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, COLUMN_KEY FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(new ColumnInfo(name, jsonColumns.contains(name) ? "json" : rs.getString(2), rs.getString(3)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    primaryKey.add(rs.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("table " + database + "." + table + " does not exist or has no columns visible to this user");
        }
        return new TableInfo(database, table, columns, primaryKey);
    }

    /**
     * MariaDB's JSON is LONGTEXT with a {@code json_valid(col)} check constraint; those columns
     * compare as JSON. MySQL has no CHECK_CONSTRAINTS rows of that form, and its JSON is a type.
     */
    private static java.util.Set<String> mariaDbJsonColumns(Connection connection, String database, String table) throws SQLException {
        java.util.Set<String> columns = new java.util.HashSet<>();
        java.util.regex.Pattern jsonValid = java.util.regex.Pattern.compile("json_valid\\(`([^`]+)`\\)", java.util.regex.Pattern.CASE_INSENSITIVE);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    java.util.regex.Matcher matcher = jsonValid.matcher(rs.getString(1));
                    if (matcher.matches()) {
                        columns.add(matcher.group(1));
                    }
                }
            }
        } catch (SQLException e) {
            // MySQL before 8.0.16 has no CHECK_CONSTRAINTS table: no MariaDB-style JSON columns there
        }
        return columns;
    }
}
