package dev.cdc.sink.jdbc.write;

/** Exponential backoff: {@code initial * 2^attempt}, at most {@code max}. Immutable. */
public record Backoff(long initialMillis, long maxMillis) {
    public Backoff {
        if (initialMillis < 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("backoff " + initialMillis + " ms to " + maxMillis + " ms is not a range");
        }
    }

    /** The wait before retry {@code attempt} (0 for the first retry). */
    public long delayMillis(int attempt) {
        if (initialMillis == 0) {
            return 0;
        }
        int shift = Math.min(attempt, 30);
        long delay = initialMillis << shift;
        return delay < 0 || delay > maxMillis ? maxMillis : delay;
    }
}
