package dev.cdc.source.postgres.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The LSN the slot may be told the connector has flushed: set from {@code SourceTask.commit()}
 * with the LSN of the committed offset, read by the reader thread, which owns the replication
 * stream and sends it to the server. Only ever increases. Thread-safe.
 */
public final class ConfirmedLsn {
    private final AtomicLong lsn = new AtomicLong();

    /** Raises the confirmed LSN to {@code committed} when it is higher. */
    public void committed(long committed) {
        lsn.accumulateAndGet(committed, Math::max);
    }

    /** The confirmed LSN; 0 when nothing was committed yet. */
    public long get() {
        return lsn.get();
    }
}
