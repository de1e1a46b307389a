package dev.cdc.sink.jdbc.bench;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.bench.OrderChangeEvents;
import dev.cdc.testkit.bench.TopicFiller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: rows/s of the JDBC sink connector on the real Connect worker from a
 * pre-filled topic of change events (inserts, then updates) into PostgreSQL and into MariaDB. See
 * the module README for the command and the figures. System properties (defaults in brackets):
 * {@code bench.events} [1000000], {@code bench.inserts} [700000], {@code bench.targets}
 * [postgres,mariadb], {@code bench.batch.size} [5000], {@code bench.max.poll.records} [5000],
 * {@code bench.partitions} [1], {@code bench.tasks} [1], {@code bench.converter}
 * [dev.cdc.core.converter.StreamingJsonConverter], {@code bench.topic} [none: fill a new topic],
 * {@code bench.connector.class} [dev.cdc.sink.jdbc.JdbcSinkConnector; Debezium's
 * io.debezium.connector.jdbc.JdbcSinkConnector takes the same keys], {@code bench.connect.url} [the stack's worker].
 */
public final class JdbcSinkBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JdbcSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 1_000_000);
        long inserts = Long.getLong("bench.inserts", 700_000);
        TestStack stack = TestStack.get();
        String run = "bench" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String topic = System.getProperty("bench.topic");
        OrderChangeEvents orders = new OrderChangeEvents(topic == null ? run + ".shop.orders" : topic, inserts);
        if (topic == null) {
            long start = System.nanoTime();
            long bytes = TopicFiller.fill(stack.kafkaBootstrapServers(), orders, Integer.getInteger("bench.partitions", 1), events);
            log("filled %s: %,d events (%,d inserts, then updates), %,d value bytes (%.2f KB each) in %.1f s", orders.topic(), events,
                    inserts, bytes, bytes / 1024.0 / events, seconds(start));
        }
        for (String target : System.getProperty("bench.targets", "postgres,mariadb").split(",")) {
            Target db = target.equals("postgres") ? postgres(stack) : mariadb(stack);
            String table = run + "_orders";
            double rate = measure(stack, db, orders, table, events, inserts);
            log("%s: %,.0f rows/s (%,d change events applied)", target, rate, events);
        }
    }

    private record Target(String name, String jdbcUrl, Credentials user, String updatedCount) {
    }

    private static Target postgres(TestStack stack) {
        return new Target("postgres", stack.postgresJdbcUrl(stack.postgresDatabase()), stack.postgresAdminUser(),
                "count(*) FILTER (WHERE status = '" + OrderChangeEvents.UPDATED + "')");
    }

    private static Target mariadb(TestStack stack) throws SQLException {
        try (Connection admin = stack.mysqlAdminConnection("mysql"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS cdc_bench");
        }
        return new Target("mariadb", stack.mysqlJdbcUrl("cdc_bench"), stack.mysqlAdminUser(),
                "COALESCE(SUM(status = '" + OrderChangeEvents.UPDATED + "'), 0)");
    }

    private static double measure(TestStack stack, Target db, OrderChangeEvents orders, String table, long events, long inserts) throws Exception {
        String converter = System.getProperty("bench.converter", "dev.cdc.core.converter.StreamingJsonConverter");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", System.getProperty("bench.connector.class", "dev.cdc.sink.jdbc.JdbcSinkConnector"));
        config.put("tasks.max", Integer.getInteger("bench.tasks", 1).toString());
        config.put("topics", orders.topic());
        config.put("connection.url", db.jdbcUrl());
        config.put("connection.username", db.user().user());
        config.put("connection.password", db.user().password());
        config.put("table.name.format", table);
        // our defaults, spelled out so that Debezium's JDBC sink (same keys) runs with the same semantics
        config.put("insert.mode", "upsert");
        config.put("primary.key.mode", "record_key");
        config.put("delete.enabled", "true");
        config.put("schema.evolution", "basic");
        config.put("batch.size", Integer.getInteger("bench.batch.size", 5_000).toString());
        config.put("key.converter", converter);
        config.put("value.converter", converter);
        config.put("consumer.override.max.poll.records", Integer.getInteger("bench.max.poll.records", 5_000).toString());
        config.put("consumer.override.max.partition.fetch.bytes", String.valueOf(50 << 20));
        config.put("consumer.override.fetch.max.bytes", String.valueOf(50 << 20));
        config.put("consumer.override.auto.offset.reset", "earliest");
        log("%s sink settings: %s", db.name(), config);
        String connector = table + "-" + db.name();
        String connect = System.getProperty("bench.connect.url", stack.connectUrl());
        log("%s", send("POST", connect + "/connectors", json(Map.of("name", connector, "config", config))));
        long updated = orders.updatedRows(events);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user().user(), db.user().password())) {
            long firstSeen = 0;
            long firstRows = 0;
            long deadline = System.nanoTime() + 3_600_000_000_000L;
            long[] state;
            do {
                Thread.sleep(200);
                state = state(connection, db, table);
                if (firstSeen == 0 && state[0] > 0) {
                    firstSeen = System.nanoTime();
                    firstRows = state[0];
                }
            } while ((state[0] < inserts || state[1] < updated) && System.nanoTime() < deadline);
            double seconds = seconds(firstSeen);
            log("%s: %,d rows and %,d updated rows, from the first %,d rows seen to the end in %.1f s", db.name(), state[0], state[1],
                    firstRows, seconds);
            return (events - firstRows) / seconds;
        } finally {
            send("DELETE", connect + "/connectors/" + connector, null);
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user().user(), db.user().password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** Rows in the table and rows with the updated status; zeros while the table does not exist. */
    private static long[] state(Connection connection, Target db, String table) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), " + db.updatedCount() + " FROM " + table)) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        } catch (SQLException e) {
            return new long[] {0, 0};
        }
    }

    private static String json(Map<String, Object> value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    }

    private static String send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
