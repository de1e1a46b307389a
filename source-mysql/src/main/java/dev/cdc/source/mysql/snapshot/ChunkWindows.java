package dev.cdc.source.mysql.snapshot;

import dev.cdc.core.snapshot.WatermarkWindow;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.stream.StreamChangeObserver;
import java.util.List;
import java.util.Objects;

/**
 * The watermark window of the chunk being read, fed by the binlog reader. At most one chunk is
 * open at a time (tables are read one chunk after the other). The reader calls it holding the
 * emitter's lock; the snapshot thread opens and closes windows holding the same lock.
 *
 * @param <R> the chunk row
 */
final class ChunkWindows<R> implements StreamChangeObserver {
    private final WatermarkWindow<Object, R> window = new WatermarkWindow<>();
    private volatile TableId open;

    /** Opens the window of a chunk of {@code table}: every change the reader handles from now on counts. Hold the lock. */
    void open(TableId table, long readerPosition) {
        window.startChunk();
        window.lowWatermark(readerPosition);
        open = table;
    }

    void addRow(Object key, R row) {
        window.addChunkRow(key, row);
    }

    void chunkRead() {
        window.chunkRead();
    }

    /** Closes the window: the rows whose key did not change while it was open. Hold the lock. */
    List<R> close() {
        open = null;
        return window.highWatermark();
    }

    /** Abandons an open window (the snapshot stops). */
    void abandon() {
        open = null;
        window.startChunk();
    }

    @Override
    public void changed(TableId table, List<Object> key) {
        if (key != null && Objects.equals(open, table)) {
            window.streamChange(key);
        }
    }

    @Override
    public void truncated(TableId table) {
        if (Objects.equals(open, table)) {
            window.streamTruncate();
        }
    }
}
