package dev.cdc.source.postgres.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;

/**
 * The PostgreSQL source benchmark of issue #6, through the real Connect worker of the local stack,
 * in the shape of the MySQL source's (not a test: it runs only with {@code -Dbench=true}; the module
 * README, section "Benchmark", has the command and the figures):
 * <ol>
 *   <li>load {@code bench.rows} rows into {@code public.orders} of a fresh database;</li>
 *   <li>snapshot: deploy {@code PostgresSourceConnector} on the worker (its JsonConverter with
 *   schemas) and time until the data topic holds every row;</li>
 *   <li>streaming: insert {@code bench.stream.inserts} rows, then update {@code bench.stream.updates},
 *   and time from the first write until the topic holds all their events;</li>
 *   <li>latency: insert {@code bench.latency.rate} rows/s with {@code created_at = localtimestamp}
 *   (UTC) and measure, per row, the record's Kafka timestamp (the worker producer's send time) and
 *   this consumer's receipt minus {@code created_at};</li>
 *   <li>report the worker JVM's peak resident memory, heap, CPU per phase and the load average;</li>
 *   <li>remove the connector (and its offsets), its topics, slot and database.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PostgresWorkerBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATENCY_WARMUP_SECONDS = 2;

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final TestStack stack = TestStack.get();
    private final ConnectWorkerClient worker = new ConnectWorkerClient(stack.connectUrl());
    private final StringBuilder report = new StringBuilder();

    @Test
    void snapshotStreamingLatencyAndMemory() throws Exception {
        try {
            line("# PostgreSQL source benchmark through the Connect worker, " + Instant.now());
            line("- settings: " + settings.describe());
            line(String.format("- machine: %d cores, %s; load average at the start %s", Runtime.getRuntime().availableProcessors(),
                    memory(), WorkerProcess.loadAverages()));
            line("- Kafka Connect " + worker.version() + " at " + stack.connectUrl() + ", connectors already running: " + worker.connectors());
            try (WorkerProcess process = WorkerProcess.watch(settings.workerPidFile());
                    TopicProbe topics = new TopicProbe(stack.kafkaBootstrapServers());
                    OrdersDatabase database = OrdersDatabase.create()) {
                line(String.format("- worker pid %d (%s), VmHWM before the run %,d MiB, heap %s; %s", process.pid(),
                        process.maxHeapArgument(), process.highWaterMarkKb() / 1024, process.heapInfo(), serverVersion()));
                Run run = new Run(process, topics, database, database.name().substring("bench_pg_".length()));
                line("- connector " + run.connector + ", topic " + run.topic + ", configuration " + masked(run.config));
                try {
                    run.measure();
                } finally {
                    run.cleanUp();
                }
            }
        } finally {
            writeReport();
        }
    }

    /** One run: its names, connector configuration and phases. */
    private final class Run {
        final WorkerProcess process;
        final TopicProbe topics;
        final OrdersDatabase database;
        final String connector;
        final String prefix;
        final String topic;
        final Map<String, String> config;

        Run(WorkerProcess process, TopicProbe topics, OrdersDatabase database, String suffix) {
            this.process = process;
            this.topics = topics;
            this.database = database;
            this.connector = "bench-postgres-" + suffix;
            this.prefix = "benchpg" + suffix;
            this.topic = prefix + "." + OrdersDatabase.SCHEMA + "." + OrdersDatabase.TABLE;
            this.config = connectorConfig(database.name(), prefix, "bench_pg_" + suffix);
        }

        void measure() throws Exception {
            long rows = settings.rows();
            process.startPhase();
            long loadStart = System.nanoTime();
            database.insert(1, rows, settings.loadBatch());
            database.vacuumAnalyze();
            double loadSeconds = secondsSince(loadStart);
            section("Load");
            line(String.format("- %,d rows in %.1f s (INSERT ... SELECT FROM generate_series, %,d-row transactions, then VACUUM ANALYZE)",
                    rows, loadSeconds, settings.loadBatch()));
            line("- " + process.endPhase().describe());

            snapshot(rows);
            long events = streaming(rows);
            Latencies latencies = latency(rows + settings.streamInserts() + 1);

            section("4. Worker memory");
            line(String.format("- peak RSS, sampled every 500 ms during the run: **%,d MiB**; VmHWM (peak since the worker started) %,d MiB;"
                    + " %s", process.peakRssKb() / 1024, process.highWaterMarkKb() / 1024, process.maxHeapArgument()));
            line("- " + process.heapSummary());
            line(String.format("- load average (1 min) peak during the run %.2f; at the end %s", process.peakLoad(),
                    WorkerProcess.loadAverages()));
            long expected = rows + events + latencies.seen();
            long count = topics.count(topic);
            line(String.format("- records in %s: %,d; expected %,d%s", topic, count, expected,
                    count == expected ? " (no loss, no duplicate)" : ", DIFFERENCE " + (count - expected)));
        }

        private void snapshot(long rows) throws Exception {
            process.startPhase();
            long start = System.nanoTime();
            worker.deploy(connector, config);
            awaitCount(rows, "snapshot");
            double seconds = secondsSince(start);
            WorkerProcess.Phase phase = process.endPhase();
            section("1. Snapshot");
            line(String.format("- %,d rows in %.1f s from the deploy to the last row in Kafka: **%,.0f rows/s**", rows, seconds,
                    rows / seconds));
            line(rateByRecordTimestamps(0, rows, "rows"));
            line("- " + phase.describe());
        }

        private long streaming(long rows) throws Exception {
            long before = topics.count(topic);
            long events = (long) settings.streamInserts() + settings.streamUpdates();
            process.startPhase();
            long start = System.nanoTime();
            CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> {
                try {
                    long writeStart = System.nanoTime();
                    database.insert(rows + 1, rows + settings.streamInserts(), settings.streamBatch());
                    double inserts = secondsSince(writeStart);
                    long updateStart = System.nanoTime();
                    database.update(1, settings.streamUpdates(), settings.streamBatch());
                    return String.format("the writer took %.1f s for the inserts and %.1f s for the updates", inserts,
                            secondsSince(updateStart));
                } catch (SQLException e) {
                    throw new IllegalStateException("the streaming writer failed", e);
                }
            });
            awaitCount(before + events, "streaming");
            double seconds = secondsSince(start);
            String written = writer.get(10, TimeUnit.MINUTES);
            WorkerProcess.Phase phase = process.endPhase();
            section("2. Streaming");
            line(String.format("- %,d inserts, then %,d updates, in %,d-row transactions; %s", settings.streamInserts(),
                    settings.streamUpdates(), settings.streamBatch(), written));
            line(String.format("- %,d events in %.1f s from the first write to the last event in Kafka: **%,.0f events/s**", events,
                    seconds, events / seconds));
            line(rateByRecordTimestamps(before, before + events, "events"));
            line("- " + phase.describe());
            return events;
        }

        private Latencies latency(long firstKey) throws Exception {
            int total = settings.latencyRate() * settings.latencySeconds();
            int warmup = settings.latencySeconds() > 2 * LATENCY_WARMUP_SECONDS ? settings.latencyRate() * LATENCY_WARMUP_SECONDS : 0;
            Latencies latencies = new Latencies(total, warmup);
            process.startPhase();
            double writerSeconds;
            try (KafkaConsumer<byte[], byte[]> consumer = topics.consumer()) {
                List<TopicPartition> partitions = topics.partitions(topic);
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return database.insertSteadily(firstKey, total, settings.latencyRate(), settings.latencyBatch());
                    } catch (SQLException e) {
                        throw new IllegalStateException("the steady writer failed", e);
                    }
                });
                long stragglerDeadline = Long.MAX_VALUE;
                while (!latencies.complete() && System.nanoTime() < stragglerDeadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        measure(record, firstKey, latencies);
                    }
                    if (writer.isDone() && stragglerDeadline == Long.MAX_VALUE) {
                        writer.join();
                        stragglerDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    }
                }
                writerSeconds = writer.get(10, TimeUnit.MINUTES) / 1e9;
            }
            WorkerProcess.Phase phase = process.endPhase();
            section("3. Commit-to-Kafka latency at a steady " + settings.latencyRate() + " rows/s");
            line(String.format("- %,d rows written in %.1f s (%,.0f rows/s), %d-row transactions", total, writerSeconds,
                    total / writerSeconds, settings.latencyBatch()));
            line(latencies.describe());
            line("- " + phase.describe());
            return latencies;
        }

        private void measure(ConsumerRecord<byte[], byte[]> record, long firstKey, Latencies latencies) throws IOException {
            long received = System.currentTimeMillis();
            if (record.value() == null) {
                return;
            }
            JsonNode payload = JSON.readTree(record.value()).path("payload");
            if ("c".equals(payload.path("op").asText())) {
                JsonNode after = payload.path("after");
                latencies.record(after.path("id").asLong() - firstKey, after.path("created_at").asLong(), record.timestamp(), received);
            }
        }

        /** Waits until the topic holds {@code target} records; fails when the connector fails or the count stalls. */
        private void awaitCount(long target, String phase) {
            long start = System.nanoTime();
            long[] last = {-1, System.nanoTime(), System.nanoTime()}; // count, time of its last change, time of the last progress line
            await(phase).atMost(Duration.ofHours(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                long count = topics.count(topic);
                long now = System.nanoTime();
                if (count != last[0]) {
                    last[0] = count;
                    last[1] = now;
                }
                if (now - last[2] > Duration.ofSeconds(10).toNanos()) {
                    last[2] = now;
                    worker.failure(connector).ifPresent(failure -> {
                        throw new AssertionError(phase + ": " + failure);
                    });
                    System.out.printf("[bench] %s: %,d of %,d records in %s after %.0f s; load %s%n", phase, count, target, topic,
                            secondsSince(start), WorkerProcess.loadAverages());
                }
                if (now - last[1] > settings.stallTimeout().toNanos()) {
                    throw new AssertionError(phase + ": " + topic + " stayed at " + count + " of " + target + " records for "
                            + settings.stallTimeout().toSeconds() + " s; connector status " + worker.status(connector).orElse(null));
                }
                return count >= target;
            });
        }

        private String rateByRecordTimestamps(long fromOffset, long toOffset, String unit) throws InterruptedException {
            OptionalLong first = topics.timestampAt(topic, fromOffset);
            OptionalLong last = topics.timestampAt(topic, toOffset - 1);
            if (first.isEmpty() || last.isEmpty() || last.getAsLong() <= first.getAsLong()) {
                return "- (no rate by record timestamps)";
            }
            double seconds = (last.getAsLong() - first.getAsLong()) / 1000.0;
            return String.format("- by Kafka record timestamps, first to last record: %.1f s, %,.0f %s/s", seconds,
                    (toOffset - fromOffset) / seconds, unit);
        }

        void cleanUp() {
            if (settings.keep()) {
                line("- kept (bench.keep=true): connector " + connector + ", topics " + prefix + ".*, slot and database "
                        + database.name());
                return;
            }
            try {
                String problems = worker.remove(connector);
                List<String> deleted = topics.deleteTopicsOf(prefix);
                line("- cleaned up: connector " + connector + " (stopped, offsets reset, deleted), topics " + deleted
                        + ", slot and database " + database.name() + (problems.isEmpty() ? "" : "; problems: " + problems));
            } catch (Exception e) {
                line("- clean-up failed: " + e);
            }
        }
    }

    private Map<String, String> connectorConfig(String databaseName, String prefix, String slot) {
        Credentials user = stack.postgresConnectorUser();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.source.postgres.PostgresSourceConnector");
        config.put("database.hostname", stack.postgresHost());
        config.put("database.port", Integer.toString(stack.postgresPort()));
        config.put("database.user", user.user());
        config.put("database.password", user.password());
        config.put("database.dbname", databaseName);
        config.put("topic.prefix", prefix);
        config.put("slot.name", slot);
        config.put("publication.name", slot + "_pub");
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", OrdersDatabase.SCHEMA + "\\." + OrdersDatabase.TABLE);
        config.putAll(settings.connector());
        return config;
    }

    private String serverVersion() throws SQLException {
        try (Connection connection = stack.postgresAdminConnection("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('server_version')")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1) + " at " + stack.postgresHost() + ":" + stack.postgresPort();
        }
    }

    private static Map<String, String> masked(Map<String, String> config) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.replace("database.password", "****");
        return copy;
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0) + " GiB").orElse("? GiB");
        } catch (IOException e) {
            return "? GiB";
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void section(String title) {
        line("");
        line("## " + title);
    }

    private void line(String text) {
        report.append(text).append('\n');
        text.lines().forEach(each -> System.out.println("[bench] " + each));
    }

    private void writeReport() throws IOException {
        Path file = Path.of("target", "bench", "postgres-source-bench-" + System.currentTimeMillis() + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("\n===== PostgreSQL source benchmark report, also in " + file.toAbsolutePath() + " =====\n" + report);
    }
}
