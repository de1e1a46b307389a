package dev.cdc.sink.elasticsearch.bulk;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before retry {@code n} (from 0) wait a random time between half
 * and all of {@code min(max, initial * 2^n)}.
 */
public record Backoff(long initialMs, long maxMs) {
    public Backoff {
        if (initialMs < 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff " + initialMs + ".." + maxMs + " ms is not a valid range");
        }
    }

    /** The ceiling of the wait before retry {@code retry}, without jitter. */
    public long ceilingMs(int retry) {
        if (initialMs == 0) {
            return 0;
        }
        int shift = Math.min(retry, 40);
        long grown = initialMs << shift;
        return grown <= 0 || grown >> shift != initialMs ? maxMs : Math.min(maxMs, grown);
    }

    /** The wait before retry {@code retry}, jittered. */
    public long delayMs(int retry) {
        long ceiling = ceilingMs(retry);
        return ceiling <= 1 ? ceiling : ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling - ceiling / 2 + 1);
    }
}
