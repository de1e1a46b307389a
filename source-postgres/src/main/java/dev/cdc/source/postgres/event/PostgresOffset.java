package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import dev.cdc.core.snapshot.SnapshotState;

/**
 * The Connect source partition and offset of the PostgreSQL source.
 *
 * <h2>Partition</h2>
 * {@code {"server": <topic.prefix>}}, as Debezium.
 *
 * <h2>Offset keys</h2>
 * <ul>
 *   <li>{@value #LSN}: where streaming resumes. Every transaction whose commit record starts at or
 *   after it is streamed again; everything before it was fully emitted. It is the end LSN of the
 *   last fully emitted transaction (or of the last heartbeat message, or the slot's consistent
 *   point). This is the LSN confirmed to the slot, and only once the offset was committed.</li>
 *   <li>{@value #COMMIT_LSN} and {@value #INDEX}: the commit LSN of the transaction of the
 *   last emitted change and that change's index in its transaction. After a restart, changes at or
 *   before ({@code commit LSN}, {@code index}) are skipped, so a transaction emitted in part is
 *   neither lost nor duplicated.</li>
 *   <li>{@value #TX_ID}: the transaction id, for people.</li>
 *   <li>{@value #SNAPSHOT_LSN}: during a snapshot, the consistent point of the slot the snapshot
 *   belongs to, with the {@link SnapshotState} keys. A completed snapshot leaves neither.</li>
 * </ul>
 *
 * @param resumeLsn   {@value #LSN}
 * @param commitLsn   {@value #COMMIT_LSN}, 0 when none
 * @param index       {@value #INDEX}, -1 when none
 * @param transactionId {@value #TX_ID}, 0 when none
 */
public record PostgresOffset(long resumeLsn, long commitLsn, long index, long transactionId) {
    public static final String SERVER = "server";
    public static final String LSN = "lsn";
    public static final String COMMIT_LSN = "lsn_commit";
    public static final String INDEX = "index";
    public static final String TX_ID = "txId";
    public static final String SNAPSHOT_LSN = "snapshot_lsn";

    /** The partition of a connector. */
    public static Map<String, String> partition(String topicPrefix) {
        return Map.of(SERVER, requireNonNull(topicPrefix, "topicPrefix is null"));
    }

    /** Streaming resumes at {@code lsn}, nothing to skip. */
    public static PostgresOffset at(long lsn) {
        return new PostgresOffset(lsn, 0, -1, 0);
    }

    /** The offset stored in a map; empty when the map has no {@value #LSN}. */
    public static java.util.Optional<PostgresOffset> from(Map<String, ?> offset) {
        if (offset == null || !(offset.get(LSN) instanceof Number lsn)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PostgresOffset(lsn.longValue(), number(offset, COMMIT_LSN, 0), number(offset, INDEX, -1),
                number(offset, TX_ID, 0)));
    }

    /** The snapshot's consistent point stored in a map, when a snapshot is in progress. */
    public static OptionalLong snapshotLsn(Map<String, ?> offset) {
        return offset != null && offset.get(SNAPSHOT_LSN) instanceof Number lsn ? OptionalLong.of(lsn.longValue()) : OptionalLong.empty();
    }

    /** True when a change of the transaction committed at {@code changeCommitLsn}, at {@code changeIndex}, was already emitted. */
    public boolean alreadyEmitted(long changeCommitLsn, long changeIndex) {
        return changeCommitLsn < commitLsn || (changeCommitLsn == commitLsn && changeIndex <= index);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(LSN, resumeLsn);
        if (commitLsn > 0) {
            map.put(COMMIT_LSN, commitLsn);
            map.put(INDEX, index);
            map.put(TX_ID, transactionId);
        }
        return map;
    }

    private static long number(Map<String, ?> offset, String key, long absent) {
        return offset.get(key) instanceof Number number ? number.longValue() : absent;
    }
}
