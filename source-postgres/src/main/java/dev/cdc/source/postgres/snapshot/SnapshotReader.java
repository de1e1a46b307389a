package dev.cdc.source.postgres.snapshot;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.snapshot.Chunk;
import dev.cdc.core.snapshot.SnapshotLog;
import dev.cdc.core.snapshot.SnapshotProgress;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.event.PostgresSourceInfo;
import dev.cdc.source.postgres.event.RowImage;
import dev.cdc.source.postgres.replication.Lsn;
import dev.cdc.source.postgres.replication.TupleData;
import dev.cdc.source.postgres.server.Sql;
import dev.cdc.source.postgres.server.TableInfo;
import dev.cdc.source.postgres.stream.RecordSink;

/**
 * Reads the captured tables in one REPEATABLE READ transaction, in primary-key chunks, and emits
 * {@code op=r} records at position {@code postgres(consistentPoint, 0)}.
 *
 * <ol>
 *   <li>Import the snapshot exported by the slot's creation ({@code SET TRANSACTION SNAPSHOT}), so
 *   the rows are exactly those at the slot's consistent point and streaming from there neither
 *   misses nor repeats a change. When resuming after a crash the exported snapshot is gone: a new
 *   snapshot reads the remaining chunks as they are now, and streaming from the consistent point
 *   replays every change made since, so each row ends at its latest state (at-least-once).</li>
 *   <li>Per table, chunks by keyset ({@link ChunkQuery}): {@code WHERE (k1, k2) > (last key) ORDER BY k1, k2 LIMIT n},
 *   every column read as {@code ::text}, the same text pgoutput sends, converted by the same code.
 *   Tables without primary key are read in one pass and are not resumable within the table.</li>
 *   <li>The last record of each chunk carries the {@link SnapshotState} after it, so a restart
 *   resumes after the last chunk Kafka holds. {@link SnapshotState#CHUNK_END} holds the last key
 *   read (the next chunk starts after it), as text.</li>
 *   <li>A final record on the heartbeat topic carries the offset without snapshot keys: the
 *   snapshot is complete and streaming starts at the consistent point.</li>
 * </ol>
 */
public final class SnapshotReader {
    /** Loads the event view of a table from the catalog, inside the snapshot transaction. */
    @FunctionalInterface
    public interface TableLoader {
        CapturedTable load(TableInfo table) throws SQLException, InterruptedException;
    }

    private final Connection connection;
    private final SnapshotPlan plan;
    private final Map<String, TableInfo> tables;
    private final TableLoader capturedTables;
    private final int chunkSize;
    private final PostgresSourceInfo sourceInfo;
    private final Map<String, ?> partition;
    private final String heartbeatTopic;
    private final RecordSink sink;
    private final SnapshotProgress progress;
    private final SnapshotLog log;
    private final Clock clock;
    private SnapshotState state;

    /**
     * @param connection     a plain connection used only by this snapshot; left in auto-commit mode afterwards
     * @param tables         the captured tables, by {@link TableId#toString()}
     * @param capturedTables the event view of a table, read from the catalog inside the snapshot
     */
    public SnapshotReader(Connection connection, SnapshotPlan plan, Map<String, TableInfo> tables,
            TableLoader capturedTables, int chunkSize, PostgresSourceInfo sourceInfo, Map<String, ?> partition,
            String heartbeatTopic, RecordSink sink, SnapshotProgress progress, SnapshotLog log) {
        this.connection = requireNonNull(connection, "connection is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.tables = Map.copyOf(tables);
        this.capturedTables = requireNonNull(capturedTables, "capturedTables is null");
        this.chunkSize = chunkSize;
        this.sourceInfo = requireNonNull(sourceInfo, "sourceInfo is null");
        this.partition = Map.copyOf(partition);
        this.heartbeatTopic = requireNonNull(heartbeatTopic, "heartbeatTopic is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = progress.clock();
        this.state = plan.state();
    }

    /** Reads every remaining table and emits the completion record. */
    public void run() throws SQLException, InterruptedException {
        Map<String, Long> estimates = new LinkedHashMap<>();
        state.remainingTables().forEach(name -> estimates.put(name, table(name).estimatedRows()));
        progress.snapshotStarted(estimates);
        log.step("snapshot of " + estimates.size() + " tables at LSN " + Lsn.format(plan.consistentPoint()) + (plan.exact()
                ? " with the snapshot exported by the slot (" + plan.snapshotName() + ")"
                : " with a new snapshot (the exported one ended with the task that created the slot); streaming from "
                        + Lsn.format(plan.consistentPoint()) + " replays the changes made since"));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            if (plan.exact()) {
                statement.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(plan.snapshotName()));
            }
            while (!state.isComplete()) {
                readTable(table(state.currentTable().orElseThrow()));
            }
            connection.commit();
        } catch (SQLException | RuntimeException | InterruptedException e) {
            progress.snapshotAborted();
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        sink.accept(completionRecord());
        progress.snapshotCompleted();
        log.step("snapshot completed: " + progress.rowsScanned().values().stream().mapToLong(Long::longValue).sum() + " rows of "
                + estimates.size() + " tables in " + progress.durationSeconds() + " s; streaming from LSN "
                + Lsn.format(plan.consistentPoint()));
    }

    private TableInfo table(String name) {
        TableInfo table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("the snapshot offset names table " + name + ", which is no longer captured or no longer"
                    + " exists; captured tables are " + tables.keySet());
        }
        return table;
    }

    private void readTable(TableInfo info) throws SQLException, InterruptedException {
        String name = info.id().toString();
        CapturedTable table = capturedTables.load(info);
        progress.tableStarted(name);
        log.step("table " + info.displayName() + " (about " + info.estimatedRows() + " rows)" + (state.lastFinishedChunk() >= 0
                ? ", resuming after chunk " + state.lastFinishedChunk() : "") + (table.hasPrimaryKey() ? ", chunks of " + chunkSize + " rows by "
                + table.schema().primaryKey() : ", no primary key: one pass"));
        ChunkQuery query = ChunkQuery.of(connection, info.oid(), info.quotedName(), table, chunkSize);
        if (!table.hasPrimaryKey()) {
            emitRows(table, info, query.all(connection), SnapshotState::tableFinished);
        } else {
            while (!state.isComplete() && state.currentTable().orElseThrow().equals(name)) {
                readChunk(info, table, query);
            }
        }
        progress.tableCompleted(name);
    }

    private void readChunk(TableInfo info, CapturedTable table, ChunkQuery query) throws SQLException, InterruptedException {
        List<Object> after = state.resumeKey().orElse(null);
        List<TupleData> rows = query.chunk(connection, after);
        int chunkIndex = state.lastFinishedChunk() + 1;
        List<Object> lastKey = rows.size() < chunkSize || rows.isEmpty() ? null : query.keyOf(rows.get(rows.size() - 1));
        Chunk chunk = new Chunk(chunkIndex, after, lastKey);
        emitRows(table, info, rows, current -> current.chunkFinished(chunk, rows.size()));
        log.progressIfDue(info.id().toString());
    }

    /** Emits the rows; the last one carries the state after {@code finish}. */
    private void emitRows(CapturedTable table, TableInfo info, List<TupleData> rows, Function<SnapshotState, SnapshotState> finish)
            throws InterruptedException {
        SnapshotState before = state;
        state = finish.apply(state);
        long position = SourcePosition.postgres(plan.consistentPoint(), 0);
        for (int i = 0; i < rows.size(); i++) {
            RowImage row = table.row(rows.get(i), null);
            Struct key = table.keyOf(row.struct());
            SourceInfo source = sourceInfo.snapshot(info.id().schema().orElseThrow(), info.id().table(), clock.millis(),
                    plan.consistentPoint(), position);
            Map<String, Object> offset = offset(i == rows.size() - 1 ? state : before);
            SourceRecord record = table.records().read(key, row.struct(), EventContext.of(partition, offset, source));
            sink.accept(record);
        }
        progress.rowsScanned(info.id().toString(), rows.size());
    }

    private Map<String, Object> offset(SnapshotState snapshotState) {
        Map<String, Object> offset = new LinkedHashMap<>(PostgresOffset.at(plan.consistentPoint()).toMap());
        if (!snapshotState.isComplete()) {
            offset.put(PostgresOffset.SNAPSHOT_LSN, plan.consistentPoint());
            offset.putAll(snapshotState.toOffset());
        }
        return offset;
    }

    private SourceRecord completionRecord() {
        Struct key = new Struct(Heartbeat.KEY_SCHEMA).put(Heartbeat.SERVER_NAME_FIELD, partition.get(PostgresOffset.SERVER));
        Struct value = new Struct(Heartbeat.VALUE_SCHEMA).put(Heartbeat.TIMESTAMP_FIELD, clock.millis());
        return new SourceRecord(partition, PostgresOffset.at(plan.consistentPoint()).toMap(), heartbeatTopic, null,
                Heartbeat.KEY_SCHEMA, key, Heartbeat.VALUE_SCHEMA, value);
    }
}
