package dev.cdc.source.mysql.it;

import dev.cdc.testkit.TestStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One uniquely named database of the real test server for one test, dropped by {@link #close()}.
 * Statements run as the admin user in UTC.
 */
public final class TestDatabase implements AutoCloseable {
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}. */
    public static TestDatabase create(String prefix) throws SQLException {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    /** Runs statements in this database as the admin user, in a session with time_zone '+00:00'. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = TestStack.get().mysqlAdminConnection(name); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    public Connection adminConnection() throws SQLException {
        return TestStack.get().mysqlAdminConnection(name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
