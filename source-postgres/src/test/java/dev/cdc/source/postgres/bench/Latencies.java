package dev.cdc.source.postgres.bench;

import java.util.Arrays;

/**
 * Per-row latencies in milliseconds of the rows written at a steady rate, by row index, from the
 * row's {@code created_at} to (a) its record's Kafka timestamp and (b) the consumer's receipt. The
 * first {@code warmup} rows are not counted.
 */
final class Latencies {
    private static final long UNSEEN = Long.MIN_VALUE;

    private final long[] toRecordTimestamp;
    private final long[] toReceipt;
    private final int warmup;
    private int seen;

    Latencies(int rows, int warmup) {
        this.toRecordTimestamp = new long[rows];
        this.toReceipt = new long[rows];
        this.warmup = warmup;
        Arrays.fill(toRecordTimestamp, UNSEEN);
    }

    /** Records row {@code index} once (a duplicate keeps the first arrival); indexes outside the run are ignored. */
    void record(long index, long createdAtMillis, long recordTimestampMillis, long receivedMillis) {
        if (index < 0 || index >= toRecordTimestamp.length || toRecordTimestamp[(int) index] != UNSEEN) {
            return;
        }
        toRecordTimestamp[(int) index] = recordTimestampMillis - createdAtMillis;
        toReceipt[(int) index] = receivedMillis - createdAtMillis;
        seen++;
    }

    int rows() {
        return toRecordTimestamp.length;
    }

    int seen() {
        return seen;
    }

    boolean complete() {
        return seen == toRecordTimestamp.length;
    }

    String describe() {
        long[] kafka = counted(toRecordTimestamp);
        long[] receipt = counted(toReceipt);
        return String.format("- %,d of %,d rows seen in Kafka; the first %,d (warm-up) not counted%n"
                        + "- created_at (localtimestamp of the insert) to the Kafka record timestamp: **p50 %d ms, p99 %d ms**, max %d ms%n"
                        + "- created_at to this consumer's receipt: p50 %d ms, p99 %d ms, max %d ms",
                seen, rows(), warmup, percentile(kafka, 0.50), percentile(kafka, 0.99), percentile(kafka, 1.0),
                percentile(receipt, 0.50), percentile(receipt, 0.99), percentile(receipt, 1.0));
    }

    private long[] counted(long[] values) {
        long[] counted = new long[values.length];
        int n = 0;
        for (int i = warmup; i < values.length; i++) {
            if (toRecordTimestamp[i] != UNSEEN) {
                counted[n++] = values[i];
            }
        }
        long[] sorted = Arrays.copyOf(counted, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Nearest-rank percentile; -1 when nothing was counted. */
    static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
