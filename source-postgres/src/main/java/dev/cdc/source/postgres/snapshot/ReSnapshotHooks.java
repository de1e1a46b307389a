package dev.cdc.source.postgres.snapshot;

/**
 * Points in a re-snapshot chunk's read where tests run statements, to test the window between the
 * watermarks deterministically instead of with concurrent writes. Production uses {@link #NONE}.
 */
public interface ReSnapshotHooks {
    ReSnapshotHooks NONE = new ReSnapshotHooks() {
    };

    /** The low watermark is written; the chunk's SELECT comes next. */
    default void afterLowWatermark(String table, int chunk) throws Exception {
    }

    /** The chunk's SELECT finished; the high watermark is written next. */
    default void beforeHighWatermark(String table, int chunk) throws Exception {
    }
}
