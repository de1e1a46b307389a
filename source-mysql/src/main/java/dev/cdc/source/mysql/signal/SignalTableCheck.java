package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Checks the signal table at start: it exists with the columns {@code id}, {@code type} and
 * {@code data}, and the connector user may insert into it (for the chunk watermarks). The
 * privilege is tried with an {@code INSERT ... SELECT} of no row, which the server checks like any
 * insert but which writes nothing, not even to the binlog.
 */
public final class SignalTableCheck {
    static final String CREATE = "CREATE TABLE %s (id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data VARCHAR(2048) NULL)";

    private final Connection connection;

    public SignalTableCheck(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** @throws ConnectException naming the table, what is wrong and the statement that fixes it */
    public void check(TableId table, String user) throws SQLException {
        String name = quoted(table);
        List<String> columns = columns(table);
        if (columns.isEmpty()) {
            throw new ConnectException("the signal table " + table.displayName() + " (signal.data.collection) does not exist or "
                    + user + " cannot see it; create it with " + String.format(CREATE, name) + " and GRANT SELECT, INSERT ON " + name
                    + " TO " + user);
        }
        List<String> missing = new ArrayList<>(List.of("id", "type", "data"));
        missing.removeIf(columns::contains);
        if (!missing.isEmpty()) {
            throw new ConnectException("the signal table " + table.displayName() + " (signal.data.collection) has the columns " + columns
                    + " but lacks " + missing + "; Debezium's layout is " + String.format(CREATE, name));
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + name + " (id, type, data) SELECT id, type, data FROM " + name + " WHERE 1 = 0");
        } catch (SQLException e) {
            throw new ConnectException("the connector user " + user + " cannot insert into the signal table " + table.displayName()
                    + ", where every snapshot chunk writes its watermark rows: " + e.getMessage() + " (SQLSTATE " + e.getSQLState()
                    + "); GRANT INSERT ON " + name + " TO " + user + ", or leave signal.data.collection empty", e);
        }
    }

    private List<String> columns(TableId table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, table.catalog().orElseThrow());
            statement.setString(2, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    static String quoted(TableId table) {
        return "`" + table.catalog().orElseThrow().replace("`", "``") + "`.`" + table.table().replace("`", "``") + "`";
    }
}
