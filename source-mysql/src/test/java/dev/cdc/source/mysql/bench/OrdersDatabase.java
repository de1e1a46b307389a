package dev.cdc.source.mysql.bench;

import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.bench.BenchTable;
import dev.cdc.testkit.bench.SteadyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database {@code bench_<random>} with the table {@code orders}, written by the admin user in
 * UTC sessions. Rows come from MariaDB's SEQUENCE engine ({@code seq_<from>_to_<to>}), so a
 * transaction of any size is one statement.
 */
final class OrdersDatabase implements BenchTable, AutoCloseable {
    static final String TABLE = "orders";

    private static final String CREATE = """
            CREATE TABLE orders (
              id BIGINT NOT NULL PRIMARY KEY,
              customer_id INT NOT NULL,
              status VARCHAR(16) NOT NULL,
              amount DECIMAL(12,2) NOT NULL,
              note VARCHAR(200),
              created_at DATETIME(3) NOT NULL,
              updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
            ) ENGINE=InnoDB""";

    /** Deterministic row values of key {@code seq}: about 60 characters of note on average. */
    private static final String ROW = "seq, 1 + seq % 50000, ELT(1 + seq % 5, 'NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'), "
            + "CAST((seq % 1000000) / 100 AS DECIMAL(12,2)), "
            + "CONCAT('order ', seq, ' of customer ', 1 + seq % 50000, ' ', REPEAT('x', seq % 64)), ";

    private final String name;

    private OrdersDatabase(String name) {
        this.name = name;
    }

    static OrdersDatabase create() throws SQLException {
        String name = ("bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        OrdersDatabase database = new OrdersDatabase(name);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        return database;
    }

    @Override
    public String name() {
        return name;
    }

    /** A new admin connection to this database, session time zone UTC, autocommit. */
    Connection connection() throws SQLException {
        Connection connection = TestStack.get().mysqlAdminConnection(name);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
        }
        return connection;
    }

    /**
     * Inserts the keys {@code from..to} (inclusive) in transactions of {@code batch} rows, with
     * fixed timestamps ({@code nowTimestamps=false}) or {@code NOW(3)}.
     */
    @Override
    public String loadMethod() {
        return "INSERT ... SELECT from seq_a_to_b";
    }

    @Override
    public String createdBy() {
        return "NOW(3)";
    }

    @Override
    public void insert(long from, long to, int batch) throws SQLException {
        insert(from, to, batch, false);
    }

    void insert(long from, long to, int batch, boolean nowTimestamps) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (long start = from; start <= to; start += batch) {
                long end = Math.min(to, start + batch - 1);
                statement.execute(insertSql(start, end, nowTimestamps));
            }
        }
    }

    /** Updates the keys {@code from..to} in transactions of {@code batch} rows: status, amount, updated_at. */
    @Override
    public void update(long from, long to, int batch) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (long start = from; start <= to; start += batch) {
                long end = Math.min(to, start + batch - 1);
                statement.executeUpdate("UPDATE orders SET status = 'UPDATED', amount = amount + 1, updated_at = NOW(3) WHERE id BETWEEN "
                        + start + " AND " + end);
            }
        }
    }

    static String insertSql(long from, long to, boolean nowTimestamps) {
        String time = nowTimestamps ? "NOW(3)" : "TIMESTAMP'2024-01-01 00:00:00.000' + INTERVAL seq * 1001000 MICROSECOND";
        return "INSERT INTO orders (id, customer_id, status, amount, note, created_at, updated_at) SELECT " + ROW + time + ", " + time
                + " FROM seq_" + from + "_to_" + to;
    }

    /**
     * Inserts {@code rate} rows per second from key {@code firstKey} on, {@code rowsPerTransaction}
     * rows per transaction at a fixed period, {@code created_at = NOW(3)} (UTC), until {@code total}
     * rows are written. Returns when done.
     *
     * @return the writer's elapsed nanoseconds
     */
    @Override
    public long steadyInsert(long firstKey, long total, int rate, int rowsPerTransaction) throws Exception {
        try (Connection connection = connection()) {
            return SteadyWriter.run(connection, firstKey, total, rate, rowsPerTransaction, (from, to) -> insertSql(from, to, true));
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = TestStack.get().mysqlAdminConnection(null); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
