package dev.cdc.source.mysql.snapshot;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.schema.TableId;

/**
 * Points in a chunk's read where tests run statements, to test the snapshot/stream boundary
 * deterministically instead of with sleeps. Production uses {@link #NONE}.
 */
public interface SnapshotHooks {
    SnapshotHooks NONE = new SnapshotHooks() {
    };

    /** The window is open and the low watermark read; the chunk's SELECT comes next. */
    default void afterLowWatermark(TableId table, Chunk chunk) throws Exception {
    }

    /** The chunk's SELECT finished; the high watermark is read next. */
    default void beforeHighWatermark(TableId table, Chunk chunk) throws Exception {
    }
}
