package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watermark window of one snapshot chunk (DBLog, Netflix 2019; Debezium incremental
 * snapshots): it decides which rows read by a chunk's {@code SELECT} may be emitted without
 * overwriting a newer change.
 *
 * <h2>Algorithm</h2>
 * The snapshotter writes a low watermark L into the log, selects the chunk, and writes a high
 * watermark H. Every change the log holds between L and H may or may not be reflected in the
 * selected rows, but the stream emits it anyway; so every chunk row whose key changed between L
 * and H is dropped from the chunk, and the remaining rows are emitted when the stream reaches H.
 * Changes before L are in the selected rows; changes after H come after the chunk rows.
 *
 * <h2>Contract</h2>
 * <ol>
 *   <li>{@link #startChunk()} before anything else of a chunk;</li>
 *   <li>{@link #addChunkRow} for each selected row, then {@link #chunkRead()};</li>
 *   <li>from the stream reader, in log order: {@link #lowWatermark(long)} when it reaches L,
 *   {@link #streamChange} for each change event (insert, update, delete; any table key type, the
 *   key compared with {@code equals}, so chunk rows and stream events must use equal keys, e.g.
 *   {@code Struct}s of the same key schema), {@link #streamTruncate()} for a truncate of the table,
 *   and {@link #highWatermark()} when it reaches H, which returns the rows to emit.</li>
 * </ol>
 * Steps 2 and 3 may interleave (chunk read on its own thread while the stream runs, as in
 * Flink CDC), or step 2 may finish before the stream reaches L (Debezium). Stream events before L
 * are ignored. A key changed inside the window before its chunk row arrived is remembered, so the
 * row is dropped when it arrives; that memory holds the keys changed in the window while the chunk
 * is still being read, and is empty otherwise. Thread-safe (all methods synchronized).
 *
 * @param <K> the primary key
 * @param <R> the row
 */
public final class WatermarkWindow<K, R> {
    private final Map<K, R> buffer = new LinkedHashMap<>();
    private final Set<K> changedBeforeRead = new HashSet<>();
    private boolean started;
    private boolean chunkRead;
    private boolean open;
    private boolean truncated;
    private long lowWatermarkPosition = -1;

    /** Forgets the previous chunk and starts a new one. */
    public synchronized void startChunk() {
        buffer.clear();
        changedBeforeRead.clear();
        started = true;
        chunkRead = false;
        open = false;
        truncated = false;
        lowWatermarkPosition = -1;
    }

    /** A row read by the chunk's SELECT, in key order. */
    public synchronized void addChunkRow(K key, R row) {
        requireNonNull(key, "key is null");
        requireNonNull(row, "row is null");
        requireStarted("addChunkRow");
        if (chunkRead) {
            throw new IllegalStateException("chunk row for key " + key + " after chunkRead()");
        }
        if (!truncated && !changedBeforeRead.contains(key)) {
            buffer.put(key, row);
        }
    }

    /** The chunk's SELECT finished: every row was added. */
    public synchronized void chunkRead() {
        requireStarted("chunkRead");
        chunkRead = true;
        changedBeforeRead.clear();
    }

    /** The stream reached the low watermark; changes from now on are inside the window. */
    public synchronized void lowWatermark(long position) {
        requireStarted("lowWatermark");
        open = true;
        lowWatermarkPosition = position;
    }

    /** A change event of the table from the stream; inside the window it drops the key's chunk row. */
    public synchronized void streamChange(K key) {
        requireNonNull(key, "key is null");
        if (!open) {
            return;
        }
        buffer.remove(key);
        if (!chunkRead) {
            changedBeforeRead.add(key);
        }
    }

    /** A truncate of the table from the stream; inside the window it drops every chunk row. */
    public synchronized void streamTruncate() {
        if (!open) {
            return;
        }
        buffer.clear();
        truncated = true;
    }

    /**
     * The stream reached the high watermark: the chunk rows to emit, in the order they were read.
     * The window closes; call {@link #startChunk()} for the next chunk.
     *
     * @throws IllegalStateException when the low watermark was not seen or the chunk was not read completely
     */
    public synchronized List<R> highWatermark() {
        if (!open) {
            throw new IllegalStateException("high watermark before the low watermark of the chunk");
        }
        if (!chunkRead) {
            throw new IllegalStateException("high watermark before the chunk was read completely: the high watermark "
                    + "must be written after the chunk's SELECT finished");
        }
        List<R> rows = List.copyOf(buffer.values());
        buffer.clear();
        open = false;
        started = false;
        return rows;
    }

    /** Whether the stream is between the low and high watermark. */
    public synchronized boolean isOpen() {
        return open;
    }

    /** The position of the low watermark, which snapshot rows of the chunk carry; -1 before it was seen. */
    public synchronized long lowWatermarkPosition() {
        return lowWatermarkPosition;
    }

    /** Rows currently held. */
    public synchronized int bufferedRows() {
        return buffer.size();
    }

    private void requireStarted(String call) {
        if (!started) {
            throw new IllegalStateException(call + "() before startChunk()");
        }
    }
}
