package dev.cdc.source.mysql.snapshot;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.offset.BinlogPosition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * How the low and high watermarks of a snapshot chunk are made and found in the binlog (DBLog).
 * Used by the snapshot thread only, one chunk at a time: {@link #low} after the chunk's window
 * opened and before its {@code SELECT}, {@link #high} after it, then {@link #awaitReaderPastHigh}
 * until the binlog reader handled everything up to the high watermark.
 */
public interface ChunkWatermarks {
    /** For the log: how the watermarks are made. */
    String describe();

    /** The low watermark: after it, the chunk's {@code SELECT} sees every change the binlog holds before it. */
    void low(TableId table, Chunk chunk) throws SQLException;

    /** The high watermark: every change the {@code SELECT} saw is in the binlog before it. */
    void high(TableId table, Chunk chunk) throws SQLException;

    /**
     * Waits up to {@code timeout} until the binlog reader handled every event up to the high
     * watermark, then returns holding the emitter's lock (the caller unlocks).
     *
     * @return where the low watermark is, the position the chunk's rows carry; empty, without the
     *         lock, when the wait timed out
     */
    Optional<BinlogPosition> awaitReaderPastHigh(Duration timeout) throws InterruptedException;

    /** Makes the watermarks of one snapshot run on its connection. */
    interface Factory {
        ChunkWatermarks open(Connection connection);
    }
}
