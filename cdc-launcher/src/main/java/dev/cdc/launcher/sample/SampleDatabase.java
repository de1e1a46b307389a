package dev.cdc.launcher.sample;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The quickstart's sample database {@code inventory}: customers, products and orders (the
 * largest, 100,000 rows by default) with realistic types: DECIMAL, DATETIME(3), TIMESTAMP(3),
 * JSON, ENUM, SET and utf8mb4 text. Creating it again is harmless: tables that already hold
 * their rows are left alone.
 */
public final class SampleDatabase {
    /** The database quickstart creates. */
    public static final String DEFAULT_DATABASE = "inventory";
    private static final int BATCH = 2_000;

    private final String database;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final SampleSizes sizes;

    public SampleDatabase(String database, String jdbcUrl, String user, String password, SampleSizes sizes) {
        this.database = requireNonNull(database, "database is null");
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
        this.sizes = requireNonNull(sizes, "sizes is null");
    }

    /** Settings from CDC_MYSQL_URL, CDC_MYSQL_ADMIN_USER, CDC_MYSQL_ADMIN_PASSWORD, CDC_SAMPLE_ORDERS. */
    public static SampleDatabase fromEnvironment() {
        return new SampleDatabase(DEFAULT_DATABASE,
                env("CDC_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                env("CDC_MYSQL_ADMIN_USER", "cdc_admin"),
                env("CDC_MYSQL_ADMIN_PASSWORD", "cdc_admin"),
                SampleSizes.forOrders(Integer.parseInt(env("CDC_SAMPLE_ORDERS", "100000"))));
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Creates and fills what is missing; returns 0. */
    public int run(PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                statement.execute("USE `" + database + "`");
                for (String ddl : SampleSchema.createTables()) {
                    statement.execute(ddl);
                }
            }
            SampleRows rows = new SampleRows(sizes);
            fill(connection, out, "customers", sizes.customers(), SampleSchema.INSERT_CUSTOMER, rows::bindCustomer);
            fill(connection, out, "products", sizes.products(), SampleSchema.INSERT_PRODUCT, rows::bindProduct);
            fill(connection, out, "orders", sizes.orders(), SampleSchema.INSERT_ORDER, rows::bindOrder);
        }
        return 0;
    }

    private void fill(Connection connection, PrintStream out, String table, int wanted, String insert, RowBinder binder)
            throws SQLException {
        int existing = count(connection, table);
        if (existing >= wanted) {
            out.printf("  %s.%s already holds %,d rows%n", database, table, existing);
            return;
        }
        if (existing > 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM " + table);
            }
        }
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int id = 1; id <= wanted; id++) {
                binder.bind(statement, id);
                statement.addBatch();
                if (id % BATCH == 0 || id == wanted) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("  %s.%s: %,d rows loaded in %.1f s%n", database, table, wanted, seconds);
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Binds the columns of row {@code id} of one table. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement statement, int id) throws SQLException;
    }

    /** The tables, for tests and documentation. */
    public static List<String> tables() {
        return List.of("customers", "products", "orders");
    }
}
