package dev.cdc.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.rows=200000} and so on).
 *
 * <p>Every system property {@code bench.connector.<key>=<value>} is added to (or replaces a key
 * of) the connector configuration, e.g. {@code -Dbench.connector.max.batch.size=8192}.
 */
public record BenchSettings(
        long rows,
        int loadBatch,
        int streamInserts,
        int streamUpdates,
        int streamBatch,
        int latencyRate,
        int latencySeconds,
        int latencyRowsPerTransaction,
        Duration stallTimeout,
        boolean keep,
        Path connectPidFile,
        Map<String, String> connectorSettings) {

    public static final String CONNECTOR_PREFIX = "bench.connector.";

    /** Connector settings of every run unless overridden; the worker's converters stay as they are (JsonConverter with schemas). */
    public static Map<String, String> defaultConnectorSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tasks.max", "1");
        settings.put("snapshot.mode", "initial");
        settings.put("max.batch.size", "4096");
        settings.put("max.queue.size", "16384");
        settings.put("incremental.snapshot.chunk.size", "4096");
        settings.put("producer.override.batch.size", "262144");
        settings.put("producer.override.linger.ms", "10");
        settings.put("producer.override.compression.type", "lz4");
        return settings;
    }

    public static BenchSettings fromSystem() {
        Properties system = System.getProperties();
        Map<String, String> connector = defaultConnectorSettings();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(CONNECTOR_PREFIX)) {
                connector.put(key.substring(CONNECTOR_PREFIX.length()), system.getProperty(key));
            }
        }
        return new BenchSettings(
                longProperty("bench.rows", 1_000_000L),
                (int) longProperty("bench.load.batch", 50_000L),
                (int) longProperty("bench.stream.inserts", 500_000L),
                (int) longProperty("bench.stream.updates", 200_000L),
                (int) longProperty("bench.stream.batch", 1_000L),
                (int) longProperty("bench.latency.rate", 1_000L),
                (int) longProperty("bench.latency.seconds", 60L),
                (int) longProperty("bench.latency.batch", 10L),
                Duration.ofSeconds(longProperty("bench.stall.seconds", 180L)),
                Boolean.parseBoolean(System.getProperty("bench.keep", "false")),
                resolveConnectPidFile(),
                connector);
    }

    /** {@code bench.connect.pid}, else {@code $CDC_STACK_HOME/connect/run/connect.pid}, else the repository's {@code .stack}. */
    private static Path resolveConnectPidFile() {
        String explicit = System.getProperty("bench.connect.pid");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String stackHome = System.getenv("CDC_STACK_HOME");
        if (stackHome != null && !stackHome.isBlank()) {
            return Path.of(stackHome, "connect", "run", "connect.pid");
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(".stack/connect/run/connect.pid");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../.stack/connect/run/connect.pid");
    }

    private static long longProperty(String key, long defaultValue) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        long parsed = Long.parseLong(value.replace("_", "").replace(",", "").trim());
        if (parsed < 0) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
        return parsed;
    }

    /** One line for the report. */
    public String describe() {
        return "rows=" + rows + ", stream inserts=" + streamInserts + ", stream updates=" + streamUpdates
                + " (" + streamBatch + " rows per transaction), latency " + latencyRate + " rows/s for " + latencySeconds + " s in "
                + latencyRowsPerTransaction + "-row transactions";
    }
}
