package dev.cdc.core.snapshot;

import java.util.ArrayDeque;

/**
 * Rows per second over a sliding window: samples of (time, rows so far), the rate being the rows
 * added since the oldest sample inside the window (or the last one before it) divided by the time
 * since. At most one sample per {@code window / 20}, so memory stays small. Not thread-safe.
 */
final class RateWindow {
    private final long windowMillis;
    private final long resolutionMillis;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    RateWindow(long windowMillis, long startMillis) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("rate window " + windowMillis + " ms must be at least 1 ms");
        }
        this.windowMillis = windowMillis;
        this.resolutionMillis = Math.max(1, windowMillis / 20);
        samples.addLast(new long[] {startMillis, 0});
    }

    /** Records the total rows so far at a time. */
    void record(long nowMillis, long totalRows) {
        long[] last = samples.peekLast();
        if (last != null && nowMillis - last[0] < resolutionMillis && samples.size() > 1) {
            last[1] = totalRows;
        } else {
            samples.addLast(new long[] {nowMillis, totalRows});
        }
        prune(nowMillis);
    }

    /** Rows per second over the window ending now; 0 when no time passed. */
    double rowsPerSecond(long nowMillis, long totalRows) {
        prune(nowMillis);
        long[] base = samples.peekFirst();
        long elapsed = nowMillis - base[0];
        return elapsed <= 0 ? 0 : (totalRows - base[1]) * 1000.0 / elapsed;
    }

    private void prune(long nowMillis) {
        long windowStart = nowMillis - windowMillis;
        while (samples.size() > 1 && secondSample()[0] <= windowStart) {
            samples.removeFirst();
        }
    }

    private long[] secondSample() {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }
}
