package dev.cdc.testkit.bench;

import dev.cdc.testkit.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of a source connector benchmark through the real Connect worker of the local stack:
 * <ol>
 *   <li>loads {@code bench.rows} rows (default 1,000,000) into the table;</li>
 *   <li>deploys the connector (the worker's JsonConverter with schemas) and measures snapshot
 *   rows/s until the data topic holds every row;</li>
 *   <li>streams {@code bench.stream.inserts} inserts and {@code bench.stream.updates} updates and
 *   measures events/s until the topic holds all of them;</li>
 *   <li>inserts {@code bench.latency.rate} rows/s with {@code created_at} set by the database and
 *   measures commit-to-Kafka latency ({@link LatencyProbe});</li>
 *   <li>reports the worker JVM's peak resident memory, CPU and the load average per phase
 *   ({@link WorkerProbe}), writes the report to {@code target/bench/<name>-<time>.md};</li>
 *   <li>deletes the connector (and its offsets) and its topics; the caller drops the table.</li>
 * </ol>
 */
public final class SourceBenchmark {
    private static final long STREAM_WARMUP_SECONDS = 2;

    private final String title;
    private final String reportName;
    private final BenchSettings settings;
    private final TestStack stack = TestStack.get();
    private final ConnectRest connect = new ConnectRest(stack.connectUrl());
    private final StringBuilder report = new StringBuilder();

    /**
     * @param title      the report's title ({@code MySQL source benchmark})
     * @param reportName the report file's name ({@code mysql-source-bench})
     */
    public SourceBenchmark(String title, String reportName, BenchSettings settings) {
        this.title = title;
        this.reportName = reportName;
        this.settings = settings;
    }

    /**
     * Runs every phase against {@code database}, whose changes the connector named {@code connector}
     * (config {@code config}) writes to {@code topic}; its topics all start with {@code prefix}.
     */
    public void run(BenchTable database, String connector, String prefix, String topic, Map<String, String> config) throws Exception {
        line("# " + title + ", " + Instant.now());
        line("- settings: " + settings.describe());
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + BenchRun.memTotalGib() + " GiB; load average at start "
                + WorkerProbe.loadAverages());
        line("- worker: Kafka Connect " + connect.version() + " at " + stack.connectUrl() + ", connectors already deployed: "
                + connect.connectors());
        try (WorkerProbe worker = WorkerProbe.start(settings.connectPidFile());
                TopicWatch topics = new TopicWatch(stack.kafkaBootstrapServers())) {
            line("- worker pid " + worker.pid() + " (" + worker.maxHeapFlag() + "), VmHWM before the run " + worker.highWaterMarkKb() / 1024
                    + " MiB, heap " + worker.heapInfo());
            line("- connector " + connector + ", topic " + topic + ", config " + redacted(config));
            try {
                run(worker, topics, database, connector, topic, config);
            } finally {
                cleanUp(topics, database, connector, prefix);
            }
        } finally {
            String text = report.toString();
            Path out = Path.of("target", "bench", reportName + "-" + System.currentTimeMillis() + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
            System.out.println("\n===== " + title + " report (" + out.toAbsolutePath() + ") =====\n" + text);
        }
    }

    private void run(WorkerProbe worker, TopicWatch topics, BenchTable database, String connector, String topic,
            Map<String, String> config) throws Exception {
        long rows = settings.rows();

        // load
        worker.startPhase();
        long loadStart = System.nanoTime();
        database.insert(1, rows, settings.loadBatch());
        double loadSeconds = seconds(System.nanoTime() - loadStart);
        line("");
        line("## Load");
        line(String.format("- %,d rows in %.1f s (%,.0f rows/s, %s in transactions of %,d rows)", rows,
                loadSeconds, rows / loadSeconds, database.loadMethod(), settings.loadBatch()));
        worker.endPhase();

        // 1. snapshot
        worker.startPhase();
        long snapshotStart = System.nanoTime();
        connect.putConfig(connector, config);
        long snapshotDone = BenchRun.awaitCount(topics, connect, topic, rows, connector, "snapshot", settings.stallTimeout());
        WorkerProbe.Phase snapshotPhase = worker.endPhase();
        double snapshotSeconds = seconds(snapshotDone - snapshotStart);
        long[] snapshotTimes = topics.timestampRange(topic, 0, rows);
        line("");
        line("## 1. Snapshot");
        line(String.format("- %,d rows in %.1f s from deploy to the last row in Kafka: **%,.0f rows/s**", rows, snapshotSeconds,
                rows / snapshotSeconds));
        line(BenchRun.rateByTimestamps(rows, snapshotTimes, "rows"));
        line("- " + snapshotPhase.describe());

        // 2. streaming
        long streamBase = topics.count(topic);
        long events = (long) settings.streamInserts() + settings.streamUpdates();
        ExecutorService writerThread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "bench-stream-writer"));
        worker.startPhase();
        long streamStart = System.nanoTime();
        Future<double[]> writer = writerThread.submit(() -> {
            long start = System.nanoTime();
            database.insert(rows + 1, rows + settings.streamInserts(), settings.streamBatch());
            long inserted = System.nanoTime();
            database.update(1, settings.streamUpdates(), settings.streamBatch());
            return new double[] {seconds(inserted - start), seconds(System.nanoTime() - inserted)};
        });
        long streamDone;
        double[] writerSeconds;
        try {
            streamDone = BenchRun.awaitCount(topics, connect, topic, streamBase + events, connector, "streaming", settings.stallTimeout());
            writerSeconds = writer.get(10, TimeUnit.MINUTES);
        } finally {
            writerThread.shutdownNow();
        }
        WorkerProbe.Phase streamPhase = worker.endPhase();
        double streamSeconds = seconds(streamDone - streamStart);
        long[] streamTimes = topics.timestampRange(topic, streamBase, streamBase + events);
        line("");
        line("## 2. Streaming");
        line(String.format("- %,d inserts then %,d updates (%,d-row transactions); the writer took %.1f s + %.1f s", settings.streamInserts(),
                settings.streamUpdates(), settings.streamBatch(), writerSeconds[0], writerSeconds[1]));
        line(String.format("- %,d events in %.1f s from the first write to the last event in Kafka: **%,.0f events/s**", events, streamSeconds,
                events / streamSeconds));
        line(BenchRun.rateByTimestamps(events, streamTimes, "events"));
        line("- " + streamPhase.describe());

        // 3. latency at a steady rate
        worker.startPhase();
        Latencies latencies = measureLatency(topics, database, topic, rows + settings.streamInserts() + 1);
        WorkerProbe.Phase latencyPhase = worker.endPhase();
        line("");
        line("## 3. Commit-to-Kafka latency at a steady " + settings.latencyRate() + " rows/s");
        line(latencies.describe());
        line("- " + latencyPhase.describe());

        // 4. memory
        line("");
        line("## 4. Worker memory");
        line(String.format("- peak RSS sampled every 500 ms during the run: **%d MiB**; VmHWM (peak since the worker started): %d MiB; %s",
                worker.runMaxRssKb() / 1024, worker.highWaterMarkKb() / 1024, worker.maxHeapFlag()));
        line("- " + worker.heapDuringRun());
        line(String.format("- load average (1 min) peak during the run %.2f; at the end %s", worker.runMaxLoad(), WorkerProbe.loadAverages()));
        long finalCount = topics.count(topic);
        long expected = rows + events + latencies.written();
        line(String.format("- records in %s: %,d (expected %,d%s)", topic, finalCount, expected,
                finalCount == expected ? "" : ", difference " + (finalCount - expected)));
    }

    private Latencies measureLatency(TopicWatch topics, BenchTable database, String topic, long firstKey) throws Exception {
        int total = settings.latencyRate() * settings.latencySeconds();
        int warmup = total > settings.latencyRate() * STREAM_WARMUP_SECONDS * 2 ? (int) (settings.latencyRate() * STREAM_WARMUP_SECONDS) : 0;
        return LatencyProbe.measure(topics, topic, firstKey, total, warmup, database.createdBy(),
                () -> database.steadyInsert(firstKey, total, settings.latencyRate(), settings.latencyRowsPerTransaction()));
    }

    private void cleanUp(TopicWatch topics, BenchTable database, String connector, String prefix) {
        if (settings.keep()) {
            line("- kept (bench.keep=true): connector " + connector + ", topics " + prefix + ".*, database " + database.name());
            return;
        }
        String problems = connect.remove(connector);
        try {
            List<String> deleted = topics.deleteTopics(prefix);
            line("- cleaned up: connector " + connector + " (stopped, offsets reset, deleted), topics " + deleted + ", database "
                    + database.name() + (problems.isEmpty() ? "" : "; problems: " + problems));
        } catch (Exception e) {
            line("- clean-up of the topics " + prefix + ".* failed: " + e + (problems.isEmpty() ? "" : "; " + problems));
        }
    }

    private static Map<String, String> redacted(Map<String, String> config) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.computeIfPresent("database.password", (k, v) -> "****");
        return copy;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void line(String text) {
        report.append(text).append('\n');
        text.lines().forEach(each -> System.out.println("[bench] " + each));
    }
}
