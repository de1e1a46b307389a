package dev.cdc.launcher.quickstart;

import java.util.ArrayDeque;
import java.util.Deque;

/** Rate over a sliding window of (time, count) samples; the clock is the caller's (nanoseconds). */
final class RateMeter {
    private final long windowNanos;
    private final Deque<long[]> samples = new ArrayDeque<>();

    RateMeter(long windowNanos) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowNanos);
        }
        this.windowNanos = windowNanos;
    }

    /** Records the count at a moment and returns the rate per second over the window. */
    double record(long nanoTime, long count) {
        samples.addLast(new long[] {nanoTime, count});
        while (samples.size() > 2 && nanoTime - samples.peekFirst()[0] > windowNanos) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        long elapsed = nanoTime - first[0];
        return elapsed <= 0 ? 0 : (count - first[1]) * 1e9 / elapsed;
    }
}
