package dev.cdc.testkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Steps the source benchmarks share: waiting for a topic to fill, rates by record timestamps, the machine's memory. */
public final class BenchRun {
    private BenchRun() {
    }

    /** Waits until the topic holds {@code target} records; fails when the count stalls or the connector fails. */
    public static long awaitCount(TopicWatch topics, ConnectRest connect, String topic, long target, String connector, String phase,
            Duration stallTimeout) throws Exception {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        long lastLog = System.nanoTime();
        long phaseStart = System.nanoTime();
        while (true) {
            long count = topics.count(topic);
            long now = System.nanoTime();
            if (count >= target) {
                return now;
            }
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (now - lastLog > Duration.ofSeconds(10).toNanos()) {
                lastLog = now;
                String failure = connect.failure(connector);
                if (failure != null) {
                    throw new AssertionError(phase + ": " + failure);
                }
                System.out.printf("[bench] %s: %,d of %,d records in %s after %.0f s, load %s%n", phase, count, target, topic,
                        seconds(now - phaseStart), WorkerProbe.loadAverages());
            }
            if (now - lastChange > stallTimeout.toNanos()) {
                throw new AssertionError(phase + ": the topic " + topic + " stayed at " + count + " of " + target + " records for "
                        + stallTimeout.toSeconds() + " s; connector status: " + connect.status(connector));
            }
            Thread.sleep(100);
        }
    }

    public static String rateByTimestamps(long count, long[] range, String unit) {
        if (range[0] < 0 || range[1] < 0 || range[1] <= range[0]) {
            return "- (rate by record timestamps not available)";
        }
        double seconds = (range[1] - range[0]) / 1000.0;
        return String.format("- by Kafka record timestamps, first to last %s: %.1f s, %,.0f %s/s", unit.substring(0, unit.length() - 1),
                seconds, count / seconds, unit);
    }

    public static long memTotalGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
