package dev.cdc.core.snapshot;

import java.util.OptionalLong;

/**
 * The snapshot progress of one table at one moment.
 *
 * @param table         the table, e.g. {@code shop.orders}
 * @param rowsDone      rows emitted so far
 * @param estimatedRows the estimated total (from table statistics); 0 when unknown
 * @param rowsPerSecond the recent rate of this table
 * @param completed     whether the table's snapshot finished
 */
public record TableProgress(String table, long rowsDone, long estimatedRows, double rowsPerSecond, boolean completed) {

    /** Percent done, 0..100; a running table whose estimate was too low shows 99. */
    public OptionalLong percent() {
        if (completed) {
            return OptionalLong.of(100);
        }
        if (estimatedRows <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(99, rowsDone * 100 / estimatedRows));
    }

    /** Seconds left at the current rate; empty when the estimate or the rate is unknown. */
    public OptionalLong etaSeconds() {
        if (completed) {
            return OptionalLong.of(0);
        }
        if (estimatedRows <= 0 || rowsPerSecond <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(Math.max(0, estimatedRows - rowsDone) / rowsPerSecond));
    }
}
