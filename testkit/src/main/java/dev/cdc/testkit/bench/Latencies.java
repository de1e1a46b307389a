package dev.cdc.testkit.bench;

import java.util.Arrays;

/**
 * Latencies in milliseconds of the rows a source benchmark wrote at a steady rate.
 *
 * @param createdBy how the rows' {@code created_at} was set, for the report ({@code NOW(3)})
 */
public record Latencies(int written, double writerSeconds, int seen, int warmup, long[] byKafkaTimestamp, long[] byReceive,
        String createdBy) {
    public String describe() {
        long[] kafka = measured(byKafkaTimestamp);
        long[] receive = measured(byReceive);
        StringBuilder text = new StringBuilder();
        text.append(String.format("- %,d rows written in %.1f s (%,.0f rows/s), %,d seen in Kafka; the first %,d (warm-up) not counted%n",
                written, writerSeconds, written / writerSeconds, seen, warmup));
        text.append(String.format("- created_at (" + createdBy + " of the insert) to the Kafka record timestamp: **p50 %d ms, p99 %d ms**, max %d ms%n",
                percentile(kafka, 0.50), percentile(kafka, 0.99), percentile(kafka, 1.0)));
        text.append(String.format("- created_at to this consumer's receive time: p50 %d ms, p99 %d ms, max %d ms",
                percentile(receive, 0.50), percentile(receive, 0.99), percentile(receive, 1.0)));
        return text.toString();
    }

    private long[] measured(long[] values) {
        long[] measured = new long[values.length];
        int n = 0;
        for (int i = warmup; i < values.length; i++) {
            if (byKafkaTimestamp[i] != Long.MIN_VALUE) {
                measured[n++] = values[i];
            }
        }
        long[] result = Arrays.copyOf(measured, n);
        Arrays.sort(result);
        return result;
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
