package dev.cdc.source.mysql.snapshot;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.offset.ServerPositions;
import dev.cdc.source.mysql.stream.RecordEmitter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Watermarks read, not written: {@code SHOW MASTER STATUS} before and after the chunk's
 * {@code SELECT}, so that a connector user who may only read suffices. The residual case (a
 * transaction in the binlog before the window opened but not yet committed in the storage engine
 * when the {@code SELECT} starts) is described in the module README; the written watermarks of a
 * signal table ({@code signal.SignalTableWatermarks}) close it.
 */
public final class ServerStatusWatermarks implements ChunkWatermarks {
    private final ServerPositions positions;
    private final RecordEmitter emitter;
    private BinlogPosition low;
    private BinlogPosition high;

    public ServerStatusWatermarks(ServerPositions positions, RecordEmitter emitter) {
        this.positions = requireNonNull(positions, "positions is null");
        this.emitter = requireNonNull(emitter, "emitter is null");
    }

    @Override
    public String describe() {
        return "SHOW MASTER STATUS watermarks";
    }

    @Override
    public void low(TableId table, Chunk chunk) throws SQLException {
        low = positions.end();
    }

    @Override
    public void high(TableId table, Chunk chunk) throws SQLException {
        high = positions.end();
    }

    @Override
    public Optional<BinlogPosition> awaitReaderPastHigh(Duration timeout) throws InterruptedException {
        return emitter.awaitReaderAt(high, timeout) ? Optional.of(low) : Optional.empty();
    }
}
