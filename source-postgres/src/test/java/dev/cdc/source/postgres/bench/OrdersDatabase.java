package dev.cdc.source.postgres.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;

/**
 * A fresh PostgreSQL database {@code bench_pg_<random>} owned by the connector's role, holding
 * {@code public.orders}; every row comes from {@code generate_series}, so a transaction of any size
 * is one statement. Sessions run in UTC, so {@code localtimestamp} is the UTC wall clock that
 * {@code io.debezium.time.Timestamp} carries. {@link #close()} drops the database's replication
 * slots and the database.
 */
final class OrdersDatabase implements AutoCloseable {
    static final String SCHEMA = "public";
    static final String TABLE = "orders";

    private static final String CREATE_TABLE = """
            CREATE TABLE public.orders (
              id bigint PRIMARY KEY,
              customer_id int NOT NULL,
              status varchar(16) NOT NULL,
              amount numeric(12,2) NOT NULL,
              note varchar(200),
              created_at timestamp(3) NOT NULL,
              updated_at timestamptz(3) NOT NULL
            )""";

    /** The values of key {@code g}: about 60 characters of note on average, five statuses. */
    private static final String VALUES = "g, 1 + g % 50000, (ARRAY['NEW','PAID','SHIPPED','DELIVERED','CANCELLED'])[1 + g % 5],"
            + " (g % 1000000) / 100.0, 'order ' || g || ' of customer ' || (1 + g % 50000) || ' ' || repeat('x', (g % 64)::int), ";

    private final TestStack stack = TestStack.get();
    private final String name;

    private OrdersDatabase(String name) {
        this.name = name;
    }

    static OrdersDatabase create() throws SQLException {
        String name = ("bench_pg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
        TestStack stack = TestStack.get();
        try (Connection admin = stack.postgresAdminConnection("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + stack.postgresConnectorUser().user());
        }
        OrdersDatabase database = new OrdersDatabase(name);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        }
        return database;
    }

    String name() {
        return name;
    }

    /** Inserts the keys {@code first..last} in transactions of {@code batch} rows with fixed timestamps. */
    void insert(long first, long last, int batch) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (long from = first; from <= last; from += batch) {
                statement.execute(insertSql(from, Math.min(last, from + batch - 1), false));
            }
        }
    }

    /** Updates the keys {@code first..last} in transactions of {@code batch} rows (status, amount, updated_at). */
    void update(long first, long last, int batch) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (long from = first; from <= last; from += batch) {
                statement.executeUpdate("UPDATE public.orders SET status = 'UPDATED', amount = amount + 1, updated_at = now()"
                        + " WHERE id BETWEEN " + from + " AND " + Math.min(last, from + batch - 1));
            }
        }
    }

    /** {@code VACUUM ANALYZE}: visibility map and hint bits set, row estimate known, as for a table that has lived a while. */
    void vacuumAnalyze() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE public.orders");
        }
    }

    /**
     * Inserts {@code total} rows from key {@code firstKey} at {@code rowsPerSecond}, one transaction
     * of {@code batch} rows per period, {@code created_at = localtimestamp} (the transaction's start,
     * UTC). A late transaction is followed by the next at once, so the rate holds on average.
     *
     * @return nanoseconds from the first to the end of the last transaction
     */
    long insertSteadily(long firstKey, int total, int rowsPerSecond, int batch) throws SQLException {
        long periodNanos = 1_000_000_000L * batch / rowsPerSecond;
        long start = System.nanoTime();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            long transactions = (total + batch - 1) / batch;
            for (long i = 0; i < transactions; i++) {
                long due = start + i * periodNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                long from = firstKey + i * batch;
                statement.execute(insertSql(from, Math.min(firstKey + total - 1, from + batch - 1), true));
            }
        }
        return System.nanoTime() - start;
    }

    private static String insertSql(long first, long last, boolean now) {
        String createdAt = now ? "localtimestamp(3)" : "timestamp '2024-01-01' + g * interval '1001 milliseconds'";
        return "INSERT INTO public.orders (id, customer_id, status, amount, note, created_at, updated_at) SELECT " + VALUES + createdAt
                + ", now() FROM generate_series(" + first + "::bigint, " + last + "::bigint) g";
    }

    /** A connection as the connector's role, autocommit, session time zone UTC. */
    private Connection connect() throws SQLException {
        Credentials user = stack.postgresConnectorUser();
        Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(name), user.user(), user.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        }
        return connection;
    }

    /** Drops the slots of this database (ending a reader still attached) and the database. */
    @Override
    public void close() throws SQLException {
        try (Connection admin = stack.postgresAdminConnection("postgres"); Statement statement = admin.createStatement()) {
            String slots = " FROM pg_catalog.pg_replication_slots WHERE database = '" + name + "'";
            statement.execute("SELECT pg_catalog.pg_terminate_backend(active_pid)" + slots + " AND active_pid IS NOT NULL");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (ResultSet active = statement.executeQuery("SELECT count(*)" + slots + " AND active")) {
                    return active.next() && active.getLong(1) == 0;
                }
            });
            statement.execute("SELECT pg_catalog.pg_drop_replication_slot(slot_name)" + slots);
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
