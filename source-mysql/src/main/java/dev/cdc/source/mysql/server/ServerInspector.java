package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link ServerFacts} over JDBC: global variables, {@code SHOW GRANTS} and {@code CURRENT_USER()}. */
public final class ServerInspector {
    private final Connection connection;

    public ServerInspector(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public ServerFacts inspect() throws SQLException {
        Map<String, String> variables = globalVariables(ServerRequirements.VARIABLES);
        ServerVersion version = ServerVersion.parse(variables.getOrDefault("version", ""), variables.get("version_comment"));
        return new ServerFacts(version, variables, GrantedPrivileges.parse(showGrants()), ServerFacts.quoteAccount(currentUser()));
    }

    /** The values of the named global variables that the server has. */
    public Map<String, String> globalVariables(List<String> names) throws SQLException {
        String placeholders = String.join(",", java.util.Collections.nCopies(names.size(), "?"));
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + placeholders + ")")) {
            for (int i = 0; i < names.size(); i++) {
                statement.setString(i + 1, names.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
                }
            }
        }
        return values;
    }

    private List<String> showGrants() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    private String currentUser() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
