package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a chunked snapshot stands, as stored in the source offset, so that a crash resumes at the
 * last finished chunk instead of the start. Immutable; every transition returns a new state.
 *
 * <h2>Offset keys</h2>
 * <ul>
 *   <li>{@value #TABLES}: the tables still to snapshot, the current one first ({@link ChunkKeyCodec} list of strings);</li>
 *   <li>{@value #CHUNK}: index of the last finished chunk of the current table, -1 when none;</li>
 *   <li>{@value #CHUNK_END}: the key where the next chunk starts (the exclusive end of the last finished
 *   chunk, {@link ChunkKeyCodec}); absent when no chunk finished;</li>
 *   <li>{@value #MAX_KEY}: the largest key of the current table when its snapshot started; absent when unknown;</li>
 *   <li>{@value #ROWS}: rows emitted for the current table.</li>
 * </ul>
 * The source puts {@link #toOffset()} into the offset of the <em>last record of each chunk</em>
 * (and of later records until the next chunk finishes): a committed offset then never claims a
 * chunk whose rows were not all delivered. A completed snapshot stores none of these keys.
 */
public final class SnapshotState {
    public static final String TABLES = "snapshot_tables";
    public static final String CHUNK = "snapshot_chunk";
    public static final String CHUNK_END = "snapshot_chunk_end";
    public static final String MAX_KEY = "snapshot_max_key";
    public static final String ROWS = "snapshot_rows";
    /** All keys this class writes, to strip them from an offset. */
    public static final Set<String> OFFSET_KEYS = Set.of(TABLES, CHUNK, CHUNK_END, MAX_KEY, ROWS);

    private final List<String> remainingTables;
    private final int lastFinishedChunk;
    private final List<Object> resumeKey;
    private final List<Object> maximumKey;
    private final long rowsDone;

    private SnapshotState(List<String> remainingTables, int lastFinishedChunk, List<Object> resumeKey, List<Object> maximumKey,
            long rowsDone) {
        this.remainingTables = List.copyOf(remainingTables);
        this.lastFinishedChunk = lastFinishedChunk;
        this.resumeKey = resumeKey == null ? null : List.copyOf(resumeKey);
        this.maximumKey = maximumKey == null ? null : List.copyOf(maximumKey);
        this.rowsDone = rowsDone;
    }

    /** A snapshot of {@code tables}, in this order, before its first chunk. */
    public static SnapshotState start(List<String> tables) {
        requireNonNull(tables, "tables is null");
        return new SnapshotState(tables, -1, null, null, 0);
    }

    /**
     * The state stored in an offset; empty when the offset holds no snapshot in progress.
     *
     * @throws IllegalArgumentException naming the key and value when a stored value is damaged
     */
    public static Optional<SnapshotState> fromOffset(Map<String, ?> offset) {
        requireNonNull(offset, "offset is null");
        Object tables = offset.get(TABLES);
        if (tables == null) {
            return Optional.empty();
        }
        List<String> tableNames = decode(TABLES, tables).stream().map(Object::toString).toList();
        int chunk = (int) number(offset, CHUNK, -1);
        long rows = number(offset, ROWS, 0);
        List<Object> resumeKey = offset.get(CHUNK_END) == null ? null : decode(CHUNK_END, offset.get(CHUNK_END));
        List<Object> maximumKey = offset.get(MAX_KEY) == null ? null : decode(MAX_KEY, offset.get(MAX_KEY));
        if (chunk >= 0 && resumeKey == null) {
            throw new IllegalArgumentException("offset key " + CHUNK + "=" + chunk + " without " + CHUNK_END
                    + ": the snapshot state is damaged; restart the snapshot of " + tableNames);
        }
        return Optional.of(new SnapshotState(tableNames, chunk, resumeKey, maximumKey, rows));
    }

    /** The state as offset entries; empty when the snapshot is complete. */
    public Map<String, Object> toOffset() {
        if (isComplete()) {
            return Map.of();
        }
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(TABLES, ChunkKeyCodec.encode(remainingTables));
        offset.put(CHUNK, (long) lastFinishedChunk);
        if (resumeKey != null) {
            offset.put(CHUNK_END, ChunkKeyCodec.encode(resumeKey));
        }
        if (maximumKey != null) {
            offset.put(MAX_KEY, ChunkKeyCodec.encode(maximumKey));
        }
        offset.put(ROWS, rowsDone);
        return Collections.unmodifiableMap(offset);
    }

    /** Records the largest key of the current table, read when its snapshot starts. */
    public SnapshotState withMaximumKey(List<Object> key) {
        requireCurrentTable();
        return new SnapshotState(remainingTables, lastFinishedChunk, resumeKey, requireNonNull(key, "key is null"), rowsDone);
    }

    /**
     * A chunk of the current table finished and all its rows were emitted.
     *
     * @param chunk the chunk; its index must follow the last finished one
     * @param rows  rows the chunk emitted
     * @return the next state; after the last chunk of the table, the next table's start state
     */
    public SnapshotState chunkFinished(Chunk chunk, long rows) {
        requireNonNull(chunk, "chunk is null");
        requireCurrentTable();
        if (chunk.index() != lastFinishedChunk + 1) {
            throw new IllegalArgumentException("chunk " + chunk.index() + " of " + remainingTables.get(0)
                    + " finished, but the last finished chunk was " + lastFinishedChunk);
        }
        if (chunk.isLast()) {
            return tableFinished();
        }
        return new SnapshotState(remainingTables, chunk.index(), chunk.end(), maximumKey, rowsDone + rows);
    }

    /** The current table is done (also for a table read in one pass); the next one starts. */
    public SnapshotState tableFinished() {
        requireCurrentTable();
        return new SnapshotState(remainingTables.subList(1, remainingTables.size()), -1, null, null, 0);
    }

    /** The chunk to read next: after a crash, the one after the last finished chunk. */
    public Chunk nextChunkStart(List<Object> nextChunkEnd) {
        requireCurrentTable();
        return lastFinishedChunk < 0 ? Chunk.first(nextChunkEnd) : new Chunk(lastFinishedChunk + 1, resumeKey, nextChunkEnd);
    }

    public boolean isComplete() {
        return remainingTables.isEmpty();
    }

    public Optional<String> currentTable() {
        return remainingTables.isEmpty() ? Optional.empty() : Optional.of(remainingTables.get(0));
    }

    public List<String> remainingTables() {
        return remainingTables;
    }

    /** Index of the last finished chunk of the current table; -1 when none. */
    public int lastFinishedChunk() {
        return lastFinishedChunk;
    }

    /** The key where the next chunk starts; empty at the start of a table. */
    public Optional<List<Object>> resumeKey() {
        return Optional.ofNullable(resumeKey);
    }

    public Optional<List<Object>> maximumKey() {
        return Optional.ofNullable(maximumKey);
    }

    public long rowsDone() {
        return rowsDone;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotState that && toOffset().equals(that.toOffset());
    }

    @Override
    public int hashCode() {
        return toOffset().hashCode();
    }

    @Override
    public String toString() {
        return isComplete() ? "snapshot complete" : "snapshot of " + remainingTables.get(0) + " after chunk " + lastFinishedChunk
                + " (" + rowsDone + " rows), " + (remainingTables.size() - 1) + " more tables";
    }

    private void requireCurrentTable() {
        if (isComplete()) {
            throw new IllegalStateException("the snapshot is complete; no table is in progress");
        }
    }

    private static List<Object> decode(String key, Object value) {
        try {
            return ChunkKeyCodec.decode(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("offset key " + key + "=" + value + " is damaged: " + e.getMessage(), e);
        }
    }

    private static long number(Map<String, ?> offset, String key, long absent) {
        Object value = offset.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("offset key " + key + "=" + value + " is damaged: expected a number");
    }
}
