package dev.cdc.source.postgres.snapshot;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.event.EventContext;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.snapshot.Chunk;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.core.snapshot.WatermarkWindow;
import dev.cdc.schema.TableId;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.PostgresSourceInfo;
import dev.cdc.source.postgres.replication.Lsn;
import dev.cdc.source.postgres.replication.PgOutputMessage.LogicalMessage;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.TupleData;
import dev.cdc.source.postgres.signal.SignalTable;
import dev.cdc.source.postgres.stream.RecordSink;

/**
 * On-demand re-snapshot of chosen tables while streaming goes on (DBLog's watermark algorithm,
 * as Debezium's incremental snapshots), asked for through the signal table. Runs on the reader
 * thread, between transactions of the stream, one chunk at a time:
 * <ol>
 *   <li>open the chunk's {@link WatermarkWindow} and write the low watermark L
 *   ({@code pg_logical_emit_message(false, 'cdc-watermark', '<prefix>:low:<n>')}); the window opens
 *   at once, before the stream reaches L, which only drops more rows, never too few;</li>
 *   <li>select the chunk by primary key ({@link ChunkQuery}, one statement, its own MVCC snapshot);</li>
 *   <li>write the high watermark H ({@code <prefix>:high:<n>});</li>
 *   <li>stream on: every change (insert, update with old and new key, delete) of the table drops
 *   the chunk row of its key, a truncate drops all;</li>
 *   <li>when the stream reaches H, emit the remaining rows ({@code op=r}, {@code source.snapshot=incremental},
 *   position {@code postgres(L, 0)}), the last one with the offset that records the chunk as done;
 *   then the next chunk.</li>
 * </ol>
 * A row is dropped only when the stream emitted a change of its key after the read, which is at
 * least as new as the row. The progress is in every offset while the re-snapshot runs (keys
 * {@value #OFFSET_PREFIX} + the {@link SnapshotState} keys), so a restart resumes after the last
 * emitted chunk. Tables without primary key cannot be re-snapshot this way and are skipped.
 * Not thread-safe (reader thread).
 */
public final class IncrementalSnapshot {
    /** Prefix of the watermark messages. */
    public static final String WATERMARK_PREFIX = "cdc-watermark";
    /** Prefix of the offset keys of the re-snapshot state. */
    public static final String OFFSET_PREFIX = "incremental_";

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalSnapshot.class);

    /**
     * A table to read, as the catalog has it now.
     *
     * @param quotedName {@code "schema"."table"}
     */
    public record SnapshotTable(long oid, String quotedName, CapturedTable table) {
    }

    /** Finds a table by {@code schema.table}; empty when it does not exist or is not captured. */
    @FunctionalInterface
    public interface TableLookup {
        Optional<SnapshotTable> find(String schemaDotTable) throws SQLException;
    }

    private final String serverName;
    private final Connection connection;
    private final TableLookup tables;
    private final SignalTable signals;
    private final int chunkSize;
    private final PostgresSourceInfo sourceInfo;
    private final Map<String, ?> partition;
    private final RecordSink sink;
    private final Clock clock;
    /** Chunk rows by the text of their primary key: a row's identity, also when the message key is other columns. */
    private final WatermarkWindow<List<String>, TupleData> window = new WatermarkWindow<>();

    private SnapshotState state;
    private SnapshotTable current;
    private ChunkQuery query;
    private List<Object> chunkLastKey;
    private long chunkNumber;
    private long lowWatermarkLsn;
    private boolean awaitingHighWatermark;
    private final ReSnapshotHooks hooks;
    private int step;

    /**
     * @param connection a plain auto-commit connection of the reader thread
     * @param resumed    the state stored in the start offset, see {@link #stateFrom}
     */
    public IncrementalSnapshot(String serverName, Connection connection, TableLookup tables, SignalTable signals, int chunkSize,
            PostgresSourceInfo sourceInfo, Map<String, ?> partition, RecordSink sink, Clock clock, Optional<SnapshotState> resumed) {
        this(serverName, connection, tables, signals, chunkSize, sourceInfo, partition, sink, clock, resumed, ReSnapshotHooks.NONE);
    }

    /** @param hooks statements tests run between the watermarks; {@link ReSnapshotHooks#NONE} in production */
    public IncrementalSnapshot(String serverName, Connection connection, TableLookup tables, SignalTable signals, int chunkSize,
            PostgresSourceInfo sourceInfo, Map<String, ?> partition, RecordSink sink, Clock clock, Optional<SnapshotState> resumed,
            ReSnapshotHooks hooks) {
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.chunkSize = chunkSize;
        this.sourceInfo = requireNonNull(sourceInfo, "sourceInfo is null");
        this.partition = Map.copyOf(partition);
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.state = resumed.orElse(SnapshotState.start(List.of()));
        if (!state.isComplete()) {
            log("resuming the re-snapshot of " + state.remainingTables() + " after chunk " + state.lastFinishedChunk());
        }
    }

    /** The re-snapshot state stored in an offset, when one was running. */
    public static Optional<SnapshotState> stateFrom(Map<String, ?> offset) {
        Map<String, Object> keys = new LinkedHashMap<>();
        if (offset != null) {
            offset.forEach((key, value) -> {
                if (key.startsWith(OFFSET_PREFIX)) {
                    keys.put(key.substring(OFFSET_PREFIX.length()), value);
                }
            });
        }
        return SnapshotState.fromOffset(keys);
    }

    /** The offset keys of the running re-snapshot; empty when none runs. */
    public Map<String, Object> offsetKeys() {
        return prefixed(state);
    }

    /** True when the Relation message is the signal table's (whose rows are signals, not events). */
    public boolean onRelation(Relation relation) {
        return signals.onRelation(relation);
    }

    public boolean isSignal(int relationId) {
        return signals.isSignal(relationId);
    }

    /** A row inserted into the signal table. */
    public void onSignalRow(TupleData row) {
        Optional<SignalTable.Signal> signal = signals.signal(row);
        if (signal.isEmpty() || !SignalTable.EXECUTE_SNAPSHOT.equals(signal.get().type())) {
            LOG.info("Ignoring signal {}: only {} is supported", signal.orElse(null), SignalTable.EXECUTE_SNAPSHOT);
            return;
        }
        try {
            request(SignalTable.dataCollections(signal.get().data()), signal.get().id());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring signal {}: {}", signal.get(), e.getMessage());
        }
    }

    private void request(List<String> names, String signalId) {
        List<String> queued = new ArrayList<>(state.remainingTables());
        names.stream().filter(name -> !queued.contains(name)).forEach(queued::add);
        state = state.isComplete() ? SnapshotState.start(queued) : withTables(queued);
        log("signal " + signalId + ": re-snapshot of " + names + "; queued " + state.remainingTables());
    }

    /** A change of a table seen in the stream, by a tuple holding its primary key (for an update, call for the old and the new tuple). */
    public void onChange(CapturedTable table, TupleData tuple) {
        if (!awaitingHighWatermark || tuple == null || !current.table().schema().id().equals(table.schema().id())) {
            return;
        }
        List<String> key = table.primaryKeyText(tuple);
        if (key != null) {
            window.streamChange(key);
        }
    }

    public void onTruncate(TableId table) {
        if (awaitingHighWatermark && current.table().schema().id().equals(table)) {
            window.streamTruncate();
        }
    }

    /** True when a chunk should be read now: a re-snapshot runs and no chunk waits for its high watermark. */
    public boolean chunkDue() {
        return !state.isComplete() && !awaitingHighWatermark;
    }

    /** Steps 1 to 3 for the next chunk, when due. Call between transactions of the stream. */
    public void readChunkIfDue() throws SQLException {
        if (!chunkDue() || !loadCurrentTable()) {
            return;
        }
        window.startChunk();
        lowWatermarkLsn = watermark("low");
        window.lowWatermark(SourcePosition.postgres(lowWatermarkLsn, 0));
        String table = state.currentTable().orElseThrow();
        int chunk = state.lastFinishedChunk() + 1;
        runHook(() -> hooks.afterLowWatermark(table, chunk));
        List<TupleData> rows = query.chunk(connection, state.resumeKey().orElse(null));
        for (TupleData row : rows) {
            window.addChunkRow(current.table().primaryKeyText(row), row);
        }
        window.chunkRead();
        chunkLastKey = rows.size() < chunkSize ? null : query.keyOf(rows.get(rows.size() - 1));
        runHook(() -> hooks.beforeHighWatermark(table, chunk));
        watermark("high");
        awaitingHighWatermark = true;
    }

    /**
     * A non-transactional logical message of the stream; at the chunk's high watermark (step 5)
     * emits the chunk's rows.
     *
     * @param streamOffset the offset of the stream now (everything before it emitted)
     */
    public void onMessage(LogicalMessage message, Map<String, Object> streamOffset) throws InterruptedException {
        if (!awaitingHighWatermark || !WATERMARK_PREFIX.equals(message.prefix())
                || !content("high").equals(new String(message.content(), StandardCharsets.UTF_8))) {
            return;
        }
        List<TupleData> rows = window.highWatermark();
        SnapshotState before = state;
        Chunk chunk = new Chunk(state.lastFinishedChunk() + 1, state.resumeKey().orElse(null), chunkLastKey);
        state = state.chunkFinished(chunk, rows.size());
        awaitingHighWatermark = false;
        chunkNumber++;
        emit(rows, streamOffset, before);
        if (!state.currentTable().equals(before.currentTable())) {
            log("table " + before.currentTable().orElseThrow() + " re-snapshot done: " + (before.rowsDone() + rows.size()) + " rows"
                    + (state.isComplete() ? "; re-snapshot complete" : "; next " + state.currentTable().orElseThrow()));
            current = null;
        }
    }

    private void emit(List<TupleData> rows, Map<String, Object> streamOffset, SnapshotState before) throws InterruptedException {
        CapturedTable table = current.table();
        TableId id = table.schema().id();
        long position = SourcePosition.postgres(lowWatermarkLsn, 0);
        for (int i = 0; i < rows.size(); i++) {
            Struct row = table.row(rows.get(i), null).struct();
            Map<String, Object> offset = new LinkedHashMap<>(streamOffset);
            offset.putAll(prefixed(i == rows.size() - 1 ? state : before));
            sink.accept(table.records().read(table.keyOf(row), row, EventContext.of(partition, offset,
                    sourceInfo.incrementalSnapshot(id.schema().orElseThrow(), id.table(), clock.millis(), lowWatermarkLsn, position))));
        }
    }

    private boolean loadCurrentTable() throws SQLException {
        String name = state.currentTable().orElseThrow();
        if (current != null) {
            return true;
        }
        Optional<SnapshotTable> found = tables.find(name);
        if (found.isEmpty() || !found.get().table().hasPrimaryKey()) {
            LOG.warn("Re-snapshot: skipping {}: {}", name, found.isEmpty() ? "no such captured table"
                    : "it has no primary key, which chunks and watermarks need");
            state = state.tableFinished();
            return false;
        }
        current = found.get();
        query = ChunkQuery.of(connection, current.oid(), current.quotedName(), current.table(), chunkSize);
        log("table " + name + (state.lastFinishedChunk() >= 0 ? ", resuming after chunk " + state.lastFinishedChunk() : "")
                + ", chunks of " + chunkSize + " rows by " + current.table().schema().primaryKey());
        return true;
    }

    private long watermark(String kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.pg_logical_emit_message(false, ?, ?)::text")) {
            statement.setString(1, WATERMARK_PREFIX);
            statement.setString(2, content(kind));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Lsn.parse(rows.getString(1));
            }
        }
    }

    /** Unique to this connector and chunk: other connectors' slots see the same messages. */
    private String content(String kind) {
        return serverName + ":" + kind + ":" + chunkNumber;
    }

    private SnapshotState withTables(List<String> queued) {
        Map<String, Object> keys = new LinkedHashMap<>(state.toOffset());
        keys.put(SnapshotState.TABLES, SnapshotState.start(queued).toOffset().get(SnapshotState.TABLES));
        return SnapshotState.fromOffset(keys).orElseThrow();
    }

    private static Map<String, Object> prefixed(SnapshotState snapshotState) {
        Map<String, Object> keys = new LinkedHashMap<>();
        snapshotState.toOffset().forEach((key, value) -> keys.put(OFFSET_PREFIX + key, value));
        return keys;
    }

    private interface Hook {
        void run() throws Exception;
    }

    private static void runHook(Hook hook) throws SQLException {
        try {
            hook.run();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a re-snapshot hook failed", e);
        }
    }

    private void log(String description) {
        LOG.info("Re-snapshot step {}: {}", ++step, description);
    }
}
