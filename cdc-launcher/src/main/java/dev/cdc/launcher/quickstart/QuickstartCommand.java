package dev.cdc.launcher.quickstart;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.connect.ConnectorStatus;
import dev.cdc.launcher.elasticsearch.ElasticsearchHttp;
import dev.cdc.launcher.sample.SampleDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code bin/cdc quickstart}: sample database, the MySQL source and the Elasticsearch sink
 * deployed through the Connect REST API, the snapshot's progress, a few live changes shown
 * arriving in Elasticsearch, and the commands to look around. Safe to run again.
 */
public final class QuickstartCommand {
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(60);

    private final QuickstartSettings settings;
    private final ConnectClient connect;
    private final ElasticsearchHttp elasticsearch;
    private final PrintStream out;

    public QuickstartCommand(QuickstartSettings settings, PrintStream out) {
        this.settings = requireNonNull(settings, "settings is null");
        this.out = requireNonNull(out, "out is null");
        this.connect = new ConnectClient(settings.connectUri());
        this.elasticsearch = new ElasticsearchHttp(settings.elasticsearchUri());
    }

    public int run() throws Exception {
        out.println("Step 1/5: sample database '" + settings.database() + "' in MySQL at " + settings.mysqlHost() + ":" + settings.mysqlPort());
        settings.sampleDatabase().run(out);

        out.println("Step 2/5: deploying the pipeline through the Connect REST API at " + settings.connectUri());
        connect.putConfig(PipelineConfigs.SOURCE_NAME, PipelineConfigs.source(settings.database(), settings.mysqlHost(), settings.mysqlPort()));
        out.println("  " + PipelineConfigs.SOURCE_NAME + ": MySQL binlog -> Kafka topics " + PipelineConfigs.TOPIC_PREFIX + "." + settings.database() + ".*");
        connect.putConfig(PipelineConfigs.SINK_NAME, PipelineConfigs.sink(settings.database(), settings.elasticsearchUri().toString()));
        out.println("  " + PipelineConfigs.SINK_NAME + ": Kafka -> Elasticsearch indices " + settings.database() + ".*");

        out.println("Step 3/5: snapshot of the existing rows into Elasticsearch");
        if (!awaitSnapshot()) {
            return 1;
        }

        out.println("Step 4/5: live changes, each shown arriving in Elasticsearch");
        if (!liveChanges()) {
            return 1;
        }

        out.println("Step 5/5: the pipeline keeps running. Look around:");
        String es = settings.elasticsearchUri().toString().replaceAll("/$", "");
        String index = PipelineConfigs.indexOf(settings.database(), "orders");
        out.println("  curl -s '" + es + "/" + index + "/_count'");
        out.println("  curl -s '" + es + "/" + index + "/_search?q=status:shipped&size=3&pretty'");
        out.println("  curl -s " + settings.connectUri().toString().replaceAll("/$", "") + "/connectors/" + PipelineConfigs.SOURCE_NAME + "/status");
        out.println("  bin/cdc status        # connectors, tasks, last errors");
        out.println("  bin/cdc verify        # compare every table with its index, row by row");
        out.println("  bin/cdc stack down    # stop everything");
        return 0;
    }

    private boolean awaitSnapshot() throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String table : SampleDatabase.tables()) {
            expected.put(table, countRows(table));
        }
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        RateMeter rate = new RateMeter(Duration.ofSeconds(5).toNanos());
        boolean interactive = System.console() != null;
        long started = System.nanoTime();
        long lastPrinted = 0;
        while (true) {
            long done = 0;
            for (Map.Entry<String, Long> table : expected.entrySet()) {
                done += Math.min(table.getValue(), countDocuments(table.getKey()));
            }
            long now = System.nanoTime();
            String line = ProgressBar.render("  snapshot", done, total, rate.record(now, done));
            if (interactive) {
                out.print("\r" + line);
            } else if (now - lastPrinted > Duration.ofSeconds(5).toNanos() || done >= total) {
                out.println(line);
                lastPrinted = now;
            }
            if (done >= total) {
                if (interactive) {
                    out.println();
                }
                out.printf("  %,d rows of %d tables are in Elasticsearch after %.1f s%n", total, expected.size(), (now - started) / 1e9);
                return true;
            }
            Optional<String> failure = pipelineFailure();
            if (failure.isPresent() || Duration.ofNanos(now - started).compareTo(SNAPSHOT_TIMEOUT) > 0) {
                if (interactive) {
                    out.println();
                }
                out.println("  the snapshot did not complete: " + failure.orElse("not done after " + SNAPSHOT_TIMEOUT.toMinutes() + " minutes"));
                out.println("  see bin/cdc status, and the worker's log in .stack/connect/log/connect.log");
                return false;
            }
            Thread.sleep(500);
        }
    }

    private boolean liveChanges() throws Exception {
        String orders = PipelineConfigs.indexOf(settings.database(), "orders");
        String customers = PipelineConfigs.indexOf(settings.database(), "customers");
        long newId;
        try (Connection connection = mysql(); Statement statement = connection.createStatement()) {
            newId = queryLong(statement, "SELECT COALESCE(MAX(id), 0) + 1 FROM orders");
            statement.executeUpdate("INSERT INTO orders (id, customer_id, product_id, quantity, amount, status, note, created_at)"
                    + " VALUES (" + newId + ", 1, 1, 2, 49.90, 'pending', 'quickstart live insert ✨', NOW(3))");
        }
        boolean ok = awaitDocument("INSERT order " + newId, orders, newId, doc -> doc.has("id"));

        try (Connection connection = mysql(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE orders SET status = 'shipped', note = 'quickstart live update' WHERE id = " + newId);
        }
        ok &= awaitDocument("UPDATE order " + newId + " status=shipped", orders, newId, doc -> "shipped".equals(doc.path("status").asText()));

        long deleteId = newId - 1;
        try (Connection connection = mysql(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM orders WHERE id = " + deleteId);
        }
        ok &= awaitAbsent("DELETE order " + deleteId, orders, deleteId);

        try (Connection connection = mysql(); Statement statement = connection.createStatement()) {
            // nullable without a default: the binlog has no row events for the rows an ADD COLUMN
            // fills with a default, so documents written before it would lack the value (issue note)
            statement.execute("ALTER TABLE customers ADD COLUMN IF NOT EXISTS loyalty_points INT NULL");
            statement.executeUpdate("UPDATE customers SET loyalty_points = COALESCE(loyalty_points, 0) + 100 WHERE id = 1");
        }
        ok &= awaitDocument("ALTER TABLE customers ADD COLUMN loyalty_points, then UPDATE customer 1", customers, 1,
                doc -> doc.path("loyalty_points").asInt() >= 100);
        return ok;
    }

    private boolean awaitDocument(String change, String index, long id, Predicate<JsonNode> arrived) throws Exception {
        long started = System.nanoTime();
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(CHANGE_TIMEOUT) < 0) {
            Optional<JsonNode> doc = elasticsearch.source(index, String.valueOf(id));
            if (doc.isPresent() && arrived.test(doc.get())) {
                out.printf("  %-70s in ES after %,d ms: %s%n", change, (System.nanoTime() - started) / 1_000_000, abbreviate(doc.get()));
                return true;
            }
            Thread.sleep(100);
        }
        out.printf("  %-70s NOT in Elasticsearch after %d s (%s)%n", change, CHANGE_TIMEOUT.toSeconds(),
                pipelineFailure().orElse("see bin/cdc status"));
        return false;
    }

    private boolean awaitAbsent(String change, String index, long id) throws Exception {
        long started = System.nanoTime();
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(CHANGE_TIMEOUT) < 0) {
            if (elasticsearch.source(index, String.valueOf(id)).isEmpty()) {
                out.printf("  %-70s gone from ES after %,d ms%n", change, (System.nanoTime() - started) / 1_000_000);
                return true;
            }
            Thread.sleep(100);
        }
        out.printf("  %-70s still in Elasticsearch after %d s (%s)%n", change, CHANGE_TIMEOUT.toSeconds(),
                pipelineFailure().orElse("see bin/cdc status"));
        return false;
    }

    private Optional<String> pipelineFailure() {
        try {
            for (String name : List.of(PipelineConfigs.SOURCE_NAME, PipelineConfigs.SINK_NAME)) {
                ConnectorStatus status = connect.status(name);
                String error = status.firstError();
                if (error != null) {
                    return Optional.of(name + ": " + error);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private long countDocuments(String table) throws IOException {
        return elasticsearch.count(PipelineConfigs.indexOf(settings.database(), table), "{\"match_all\":{}}").orElse(0L);
    }

    private long countRows(String table) throws SQLException {
        try (Connection connection = mysql(); Statement statement = connection.createStatement()) {
            return queryLong(statement, "SELECT COUNT(*) FROM " + table);
        }
    }

    private Connection mysql() throws SQLException {
        return DriverManager.getConnection(settings.mysqlJdbcUrl(), settings.mysqlAdminUser(), settings.mysqlAdminPassword());
    }

    private static long queryLong(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(JsonNode doc) {
        String text = doc.toString();
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
