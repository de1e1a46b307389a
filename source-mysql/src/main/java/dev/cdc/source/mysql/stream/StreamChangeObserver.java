package dev.cdc.source.mysql.stream;

import dev.cdc.schema.TableId;
import java.util.List;

/**
 * Told by the reader thread, in binlog order and holding the emitter's lock, about every change of
 * a captured table: how the snapshot's watermark windows learn which chunk rows went stale.
 */
public interface StreamChangeObserver {
    StreamChangeObserver NONE = new StreamChangeObserver() {
        @Override
        public void changed(TableId table, List<Object> key) {
        }

        @Override
        public void truncated(TableId table) {
        }
    };

    /** A row of {@code table} with this key (values in key order; null for a table without key) changed. */
    void changed(TableId table, List<Object> key);

    /** {@code table} was truncated. */
    void truncated(TableId table);
}
