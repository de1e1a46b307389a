package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * A row of {@code pg_replication_slots}.
 *
 * @param name              slot name
 * @param plugin            output plugin, e.g. {@code pgoutput}; null for a physical slot
 * @param database          the database of a logical slot
 * @param active            whether a walsender is streaming from it
 * @param activePid         pid of that walsender, 0 when none
 * @param confirmedFlushLsn the LSN the consumer confirmed, 0 when unknown
 * @param restartLsn        the oldest WAL the slot retains, 0 when unknown
 * @param walStatus         {@code reserved}, {@code extended}, {@code unreserved} or {@code lost} (PostgreSQL 13+), null before
 */
public record SlotState(String name, String plugin, String database, boolean active, int activePid, long confirmedFlushLsn,
        long restartLsn, String walStatus) {
    public SlotState {
        requireNonNull(name, "name is null");
    }

    /** True when the server removed WAL the slot still needed: it can no longer be streamed. */
    public boolean isInvalidated() {
        return "lost".equals(walStatus);
    }

    public OptionalLong confirmedFlush() {
        return confirmedFlushLsn == 0 ? OptionalLong.empty() : OptionalLong.of(confirmedFlushLsn);
    }
}
