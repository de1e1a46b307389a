package dev.cdc.source.postgres.bench;

import dev.cdc.source.postgres.it.TestDatabase;
import dev.cdc.testkit.bench.BenchTable;
import dev.cdc.testkit.bench.SteadyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's {@code orders} table in a fresh database owned by the connector's role, the same
 * shape as the MySQL source benchmark's: rows made from their key by {@code generate_series}, so a
 * transaction of any size is one statement.
 */
final class OrdersTable implements BenchTable, AutoCloseable {
    static final String TABLE = "orders";

    private static final String CREATE = """
            CREATE TABLE orders (
              id bigint NOT NULL PRIMARY KEY,
              customer_id int NOT NULL,
              status varchar(16) NOT NULL,
              amount numeric(12,2) NOT NULL,
              note varchar(200),
              created_at timestamp(3) NOT NULL,
              updated_at timestamptz(3) NOT NULL DEFAULT now()
            )""";

    private final TestDatabase database;

    private OrdersTable(TestDatabase database) {
        this.database = database;
    }

    static OrdersTable create() throws SQLException {
        TestDatabase database = TestDatabase.create("bench");
        database.execute(CREATE);
        return new OrdersTable(database);
    }

    TestDatabase database() {
        return database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public String loadMethod() {
        return "INSERT ... SELECT from generate_series";
    }

    @Override
    public String createdBy() {
        return "clock_timestamp() in UTC";
    }

    @Override
    public void insert(long from, long to, int batch) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (long start = from; start <= to; start += batch) {
                statement.execute(insertSql(start, Math.min(to, start + batch - 1), false));
            }
        }
    }

    @Override
    public void update(long from, long to, int batch) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (long start = from; start <= to; start += batch) {
                statement.execute("UPDATE orders SET status = 'UPDATED', updated_at = now() WHERE id BETWEEN " + start + " AND "
                        + Math.min(to, start + batch - 1));
            }
        }
    }

    @Override
    public long steadyInsert(long firstKey, long total, int rate, int rowsPerTransaction) throws Exception {
        try (Connection connection = database.connect()) {
            return SteadyWriter.run(connection, firstKey, total, rate, rowsPerTransaction, (from, to) -> insertSql(from, to, true));
        }
    }

    private static String insertSql(long from, long to, boolean now) {
        return "INSERT INTO orders SELECT g, 1 + g % 50000, (ARRAY['NEW','PAID','SHIPPED','DELIVERED','CANCELLED'])[1 + g % 5],"
                + " (g % 1000000) / 100.0, 'order ' || g || ' of customer ' || (1 + g % 50000) || ' ' || repeat('x', (g % 64)::int), "
                + (now ? "clock_timestamp() AT TIME ZONE 'UTC'" : "timestamp '2025-01-01' + g * interval '1 second'")
                + " FROM generate_series(" + from + ", " + to + ") g";
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
