package dev.cdc.source.postgres.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;

/**
 * A uniquely named database owned by the connector's role, with its own slot and publication
 * names; {@link #close()} drops the slots of the database and the database itself, so no slot
 * is left retaining WAL.
 */
public final class TestDatabase implements AutoCloseable {
    private final TestStack stack = TestStack.get();
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String purpose) throws SQLException {
        String name = ("cdc_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = TestStack.get().postgresAdminConnection("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + TestStack.get().postgresConnectorUser().user());
        }
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    /** A slot name unique to this database. */
    public String slotName() {
        return name.replace("cdc_it_", "slot_");
    }

    /** A connection as the connector's role (owner of the database and of the tables it creates). */
    public Connection connect() throws SQLException {
        Credentials user = stack.postgresConnectorUser();
        return DriverManager.getConnection(stack.postgresJdbcUrl(name), user.user(), user.password());
    }

    public Connection connectAsAdmin() throws SQLException {
        return stack.postgresAdminConnection(name);
    }

    /** Runs statements as the connector's role, each in its own transaction. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Runs statements in one transaction. */
    public void transaction(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String each : sql) {
                statement.execute(each);
            }
            connection.commit();
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = stack.postgresAdminConnection("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = '" + name
                    + "' AND active_pid IS NOT NULL");
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '" + name + "'");
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
