package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.snapshot.ChunkWatermarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Watermarks written as rows into the signal table, as Debezium's MySQL connector does: before the
 * chunk's {@code SELECT}, an {@code INSERT} of {@code (<chunk uuid>-open, 'snapshot-window-open', ...)},
 * after it one of {@code (<chunk uuid>-close, 'snapshot-window-close', ...)}, each committed on its
 * own (autocommit). The binlog reader recognises both rows ({@link WatermarkSightings}); the chunk's
 * rows carry the position of the low watermark's rows event.
 *
 * <p>Why a write: the server writes a transaction to the binlog before it commits it in the
 * storage engine, and commits in binlog order ({@code binlog_order_commits=ON}, MySQL's default;
 * MariaDB always). So once the low watermark's commit returned, every transaction before it in the
 * binlog is committed and visible to the {@code SELECT}; a watermark only read with
 * {@code SHOW MASTER STATUS} cannot promise that. Needs {@code INSERT} on the signal table.
 */
public final class SignalTableWatermarks implements ChunkWatermarks {
    private final Connection connection;
    private final TableId signalTable;
    private final String insert;
    private final WatermarkSightings sightings;
    private final ReaderWait reader;
    private String lowId;
    private String highId;

    /** Waits, as the emitter does, until a condition on what the reader handled holds; returns holding the emitter's lock. */
    public interface ReaderWait {
        boolean await(java.util.function.BooleanSupplier reached, Duration timeout) throws InterruptedException;
    }

    public SignalTableWatermarks(Connection connection, TableId signalTable, WatermarkSightings sightings, ReaderWait reader) {
        this.connection = requireNonNull(connection, "connection is null");
        this.signalTable = requireNonNull(signalTable, "signalTable is null");
        this.sightings = requireNonNull(sightings, "sightings is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.insert = "INSERT INTO " + quote(signalTable.catalog().orElseThrow()) + "." + quote(signalTable.table())
                + " (id, type, data) VALUES (?, ?, ?)";
    }

    @Override
    public String describe() {
        return "watermark rows written into the signal table " + signalTable.displayName();
    }

    @Override
    public void low(TableId table, Chunk chunk) throws SQLException {
        String chunkId = UUID.randomUUID().toString();
        lowId = chunkId + "-open";
        highId = chunkId + "-close";
        write(lowId, Signal.WINDOW_OPEN, table, chunk);
    }

    @Override
    public void high(TableId table, Chunk chunk) throws SQLException {
        write(highId, Signal.WINDOW_CLOSE, table, chunk);
    }

    @Override
    public Optional<BinlogPosition> awaitReaderPastHigh(Duration timeout) throws InterruptedException {
        String high = requireNonNull(highId, "no high watermark was written");
        if (!reader.await(() -> sightings.hasSighted(high), timeout)) {
            return Optional.empty();
        }
        BinlogPosition low = sightings.position(lowId).orElseThrow(() -> new IllegalStateException("the binlog reader saw the high watermark "
                + high + " of the signal table " + signalTable.displayName() + " but not its low watermark " + lowId));
        sightings.forget(lowId);
        sightings.forget(high);
        return Optional.of(low);
    }

    private void write(String id, String type, TableId table, Chunk chunk) throws SQLException {
        sightings.expect(id);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, id);
            statement.setString(2, type);
            statement.setString(3, "{\"data-collection\": \"" + table.displayName().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\", \"chunk\": " + chunk.index() + "}");
            statement.executeUpdate();
        } catch (SQLException e) {
            sightings.forget(id);
            throw new SQLException("cannot write the " + type + " watermark row into the signal table " + signalTable.displayName() + ": "
                    + e.getMessage() + (e.getErrorCode() == 1142 ? "; the connector user needs GRANT INSERT ON " + quote(signalTable.catalog().orElseThrow())
                    + "." + quote(signalTable.table()) + " TO <user>" : "") + " (SQLSTATE " + e.getSQLState() + ")", e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
