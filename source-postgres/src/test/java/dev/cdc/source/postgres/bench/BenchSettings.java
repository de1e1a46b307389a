package dev.cdc.source.postgres.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes, rates and connector settings of one benchmark run, read from system properties
 * ({@code -Dbench.rows=200000}, {@code -Dbench.connector.max.batch.size=8192}, ...).
 *
 * @param rows               rows loaded before the connector is deployed (snapshot)
 * @param loadBatch          rows per transaction of the load
 * @param streamInserts      rows inserted while the connector streams
 * @param streamUpdates      rows updated after the inserts
 * @param streamBatch        rows per transaction of the streaming phase
 * @param latencyRate        rows per second of the latency phase
 * @param latencySeconds     length of the latency phase
 * @param latencyBatch       rows per transaction of the latency phase
 * @param stallTimeout       how long a topic may stay at the same count before the run fails
 * @param keep               keep the connector, topics and database after the run
 * @param workerPidFile      the Connect worker's pid file
 * @param connector          connector keys added to (or replacing) the generated configuration
 */
record BenchSettings(long rows, int loadBatch, int streamInserts, int streamUpdates, int streamBatch, int latencyRate,
        int latencySeconds, int latencyBatch, Duration stallTimeout, boolean keep, Path workerPidFile, Map<String, String> connector) {

    private static final String CONNECTOR_KEY_PREFIX = "bench.connector.";

    static BenchSettings fromSystemProperties() {
        Map<String, String> connector = new LinkedHashMap<>();
        connector.put("tasks.max", "1");
        connector.put("snapshot.mode", "initial");
        connector.put("max.batch.size", "4096");
        connector.put("max.queue.size", "16384");
        connector.put("incremental.snapshot.chunk.size", "4096");
        connector.put("producer.override.batch.size", "262144");
        connector.put("producer.override.linger.ms", "10");
        connector.put("producer.override.compression.type", "lz4");
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(CONNECTOR_KEY_PREFIX)).sorted()
                .forEach(key -> connector.put(key.substring(CONNECTOR_KEY_PREFIX.length()), System.getProperty(key)));
        return new BenchSettings(number("bench.rows", 1_000_000), (int) number("bench.load.batch", 50_000),
                (int) number("bench.stream.inserts", 500_000), (int) number("bench.stream.updates", 200_000),
                (int) number("bench.stream.batch", 1_000), (int) number("bench.latency.rate", 1_000),
                (int) number("bench.latency.seconds", 60), (int) number("bench.latency.batch", 10),
                Duration.ofSeconds(number("bench.stall.seconds", 180)), Boolean.getBoolean("bench.keep"), findWorkerPidFile(), connector);
    }

    /** One line for the report. */
    String describe() {
        return String.format("rows=%,d (load in %,d-row transactions); streaming %,d inserts + %,d updates in %,d-row transactions;"
                + " latency %,d rows/s for %d s in %d-row transactions", rows, loadBatch, streamInserts, streamUpdates, streamBatch,
                latencyRate, latencySeconds, latencyBatch);
    }

    private static long number(String key, long fallback) {
        String text = System.getProperty(key, "").replace("_", "").replace(",", "").trim();
        if (text.isEmpty()) {
            return fallback;
        }
        long value = Long.parseLong(text);
        if (value <= 0) {
            throw new IllegalArgumentException("-D" + key + " must be a positive number, not " + text);
        }
        return value;
    }

    /** {@code -Dbench.connect.pid}, else {@code $CDC_STACK_HOME/connect/run/connect.pid}, else {@code .stack} of an enclosing directory. */
    private static Path findWorkerPidFile() {
        String explicit = System.getProperty("bench.connect.pid", "");
        if (!explicit.isBlank()) {
            return Path.of(explicit);
        }
        String stackHome = System.getenv().getOrDefault("CDC_STACK_HOME", "");
        if (!stackHome.isBlank()) {
            return Path.of(stackHome, "connect", "run", "connect.pid");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".stack").resolve("connect").resolve("run").resolve("connect.pid");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no .stack/connect/run/connect.pid above " + Path.of("").toAbsolutePath()
                + "; start the stack (bin/cdc stack up) or pass -Dbench.connect.pid=<file>");
    }
}
