package dev.cdc.source.mysql.snapshot;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.snapshot.Chunk;
import dev.cdc.core.snapshot.SnapshotLog;
import dev.cdc.core.snapshot.SnapshotProgress;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.history.InformationSchemaReader;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.ServerPositions;
import dev.cdc.source.mysql.server.JdbcConnections;
import dev.cdc.source.mysql.stream.MySqlSourceInfo;
import dev.cdc.source.mysql.stream.RecordEmitter;
import dev.cdc.source.mysql.stream.StreamChangeObserver;
import dev.cdc.source.mysql.stream.TableBinding;
import dev.cdc.source.mysql.types.MySqlTable;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot, on its own thread ({@code <connector>-snapshot}), read in primary-key chunks while
 * the binlog streams, without locks: DBLog's watermark algorithm. The watermarks are rows written
 * into the signal table when there is one ({@code signal.SignalTableWatermarks}), else
 * {@code SHOW MASTER STATUS} positions ({@link ServerStatusWatermarks}), so that a read-only user
 * suffices.
 *
 * <h2>Per chunk</h2>
 * <ol>
 *   <li>Find the chunk's end: the key {@code chunk size} rows after its start (index-only query).</li>
 *   <li>Open the chunk's window (holding the emitter's lock): from now on the reader reports every
 *   change of the table, in binlog order.</li>
 *   <li>Low watermark L. Every event the reader handles after step 2 was written after the reader's
 *   position at step 2, which is before L.</li>
 *   <li>{@code SELECT} the chunk's rows; each goes into the window by key.</li>
 *   <li>High watermark H: every change visible to the SELECT was written to the binlog before H.</li>
 *   <li>Wait until the reader handled every event up to H, take the lock, drop the rows whose key
 *   changed while the window was open (the stream emitted or will emit those changes), enqueue the
 *   others as {@code op=r} with position L, the last one with the offset that marks the chunk
 *   finished.</li>
 * </ol>
 * A row is therefore never emitted older than a change the stream emitted before it with a lower
 * position. With {@code SHOW MASTER STATUS} watermarks there is a residual case, documented in the
 * README: a transaction written to the binlog before the reader's position at step 2 but not yet
 * committed in the storage engine when the SELECT starts; written watermarks close it.
 *
 * <h2>Which tables</h2>
 * The snapshot state lives in the offsets ({@link dev.cdc.source.mysql.offset.OffsetContext}),
 * read again before every chunk: an {@code execute-snapshot} signal ({@link SnapshotRequests})
 * appends tables to it, holding the emitter's lock, while this thread reads. With a signal table
 * the thread outlives the snapshot and waits for the next request ({@link #wake()}).
 *
 * <p>Tables without a primary key are read in one pass, without window filtering, and the log
 * says so: a change made while they are read may be emitted twice (once as a read).
 */
public final class ChunkedSnapshot implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedSnapshot.class);
    private static final Duration WAIT_STEP = Duration.ofSeconds(1);

    private final JdbcConnections connections;
    private final RecordEmitter emitter;
    private final Map<String, ?> partition;
    private final TableBinding.Factory bindings;
    private final int chunkSize;
    private final SnapshotHooks hooks;
    private final SnapshotProgress progress;
    private final SnapshotLog log;
    private final MySqlSourceInfo sourceInfo;
    private final Clock clock;
    private final Consumer<Throwable> failure;
    private final ChunkWatermarks.Factory watermarks;
    private final boolean waitsForRequests;
    private final ChunkWindows<ChunkRow> windows = new ChunkWindows<>();
    private final Object wakeUp = new Object();
    private boolean wakeRequested;
    private volatile boolean stopped;

    public ChunkedSnapshot(Settings settings, JdbcConnections connections, RecordEmitter emitter, TableBinding.Factory bindings,
            SnapshotProgress progress, Consumer<Throwable> failure) {
        requireNonNull(settings, "settings is null");
        this.watermarks = settings.watermarks() != null ? settings.watermarks()
                : connection -> new ServerStatusWatermarks(new ServerPositions(connection), emitter);
        this.waitsForRequests = settings.waitsForRequests();
        this.connections = requireNonNull(connections, "connections is null");
        this.emitter = requireNonNull(emitter, "emitter is null");
        this.bindings = requireNonNull(bindings, "bindings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.failure = requireNonNull(failure, "failure is null");
        this.partition = settings.partition();
        this.chunkSize = settings.chunkSize();
        this.hooks = settings.hooks();
        this.clock = settings.clock();
        this.sourceInfo = new MySqlSourceInfo(settings.serverName());
        this.log = new SnapshotLog(progress, SnapshotLog.DEFAULT_INTERVAL);
    }

    /**
     * @param watermarks       how chunk watermarks are made; null for {@code SHOW MASTER STATUS}
     * @param waitsForRequests whether the thread waits for more requests once the snapshot completed
     */
    public record Settings(String serverName, Map<String, ?> partition, int chunkSize, SnapshotHooks hooks, Clock clock,
            ChunkWatermarks.Factory watermarks, boolean waitsForRequests) {
        public Settings {
            requireNonNull(serverName, "serverName is null");
            requireNonNull(partition, "partition is null");
            requireNonNull(hooks, "hooks is null");
            requireNonNull(clock, "clock is null");
        }

        public Settings(String serverName, Map<String, ?> partition, int chunkSize, SnapshotHooks hooks, Clock clock) {
            this(serverName, partition, chunkSize, hooks, clock, null, false);
        }
    }

    /** What the binlog reader tells about changes, for the chunk windows. */
    public StreamChangeObserver observer() {
        return windows;
    }

    public void stop() {
        stopped = true;
        wake();
    }

    /** A request was queued (the offsets' snapshot state has more tables): a waiting thread starts reading. */
    public void wake() {
        synchronized (wakeUp) {
            wakeRequested = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            do {
                if (emitter.offsets().snapshot().isPresent()) {
                    try (Connection connection = connections.open()) {
                        execute(connection);
                    }
                }
            } while (waitsForRequests && awaitRequest());
        } catch (InterruptedException e) {
            if (progress.running()) {
                progress.snapshotAborted();
            }
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            progress.snapshotAborted();
            if (!stopped) {
                failure.accept(e);
            }
        } finally {
            windows.abandon();
            emitter.releaseIfHeld();
        }
    }

    /** Waits for {@link #wake()}; false when stopped. */
    private boolean awaitRequest() throws InterruptedException {
        synchronized (wakeUp) {
            while (!wakeRequested && !stopped) {
                wakeUp.wait();
            }
            wakeRequested = false;
        }
        return !stopped;
    }

    private void execute(Connection connection) throws Exception {
        InformationSchemaReader schemas = new InformationSchemaReader(connection);
        ChunkWatermarks marks = watermarks.open(connection);
        SnapshotState state = emitter.offsets().snapshot().orElse(null);
        if (state == null) {
            return;
        }
        progress.snapshotStarted(estimates(connection, state.remainingTables()));
        log.step("snapshot of " + state.remainingTables().size() + " tables in chunks of " + chunkSize + " rows, with "
                + marks.describe() + ", no locks: " + displayNames(state.remainingTables())
                + (state.lastFinishedChunk() >= 0 ? "; resuming " + TableId.parse(state.currentTable().orElseThrow()).displayName()
                        + " after chunk " + state.lastFinishedChunk() : ""));
        while (!stopped && state != null) {
            List<String> remaining = names(state.remainingTables());
            if (!progress.rowsScanned().keySet().containsAll(remaining) || progress.table(remaining.get(0)).completed()) {
                // a signal queued tables meanwhile (maybe one read before): progress counts the snapshot from here
                progress.snapshotStarted(estimates(connection, state.remainingTables()));
                log.step("tables queued meanwhile: the snapshot goes on with " + displayNames(state.remainingTables()));
            }
            TableId id = TableId.parse(state.currentTable().orElseThrow());
            Optional<MySqlTable> table = schemas.table(id);
            if (table.isEmpty()) {
                log.step("table " + id.displayName() + " no longer exists; skipped");
                finishTableWithoutRows();
            } else {
                table(table.get(), connection, marks);
            }
            state = emitter.offsets().snapshot().orElse(null);
        }
        if (state == null) {
            progress.snapshotCompleted();
            log.step("snapshot completed: " + progress.rowsScanned() + " rows in " + progress.durationSeconds() + " s");
        }
    }

    private static List<String> displayNames(List<String> tables) {
        return tables.stream().map(table -> TableId.parse(table).displayName()).toList();
    }

    private static List<String> names(List<String> tables) {
        return tables.stream().map(table -> {
            TableId id = TableId.parse(table);
            return id.catalog().orElse("") + "." + id.table();
        }).toList();
    }

    /** The current table is gone: the next one, under the lock so that a request queued meanwhile is kept. */
    private void finishTableWithoutRows() throws InterruptedException {
        emitter.lock();
        try {
            emitter.offsets().snapshot(emitter.offsets().snapshot().orElseThrow().tableFinished());
        } finally {
            emitter.unlock();
        }
    }

    private void table(MySqlTable table, Connection connection, ChunkWatermarks marks) throws Exception {
        TableBinding binding = bindings.bind(table);
        ChunkQueries queries = new ChunkQueries(table);
        String name = queries.tableName();
        progress.tableStarted(name);
        log.step(queries.hasKey() ? "reading " + name + " in chunks of " + chunkSize + " rows by " + table.primaryKey()
                : "reading " + name + " in one pass: it has no primary key, so a change made while it is read may be emitted twice");
        while (!stopped) {
            SnapshotState current = emitter.offsets().snapshot().orElseThrow();
            Chunk chunk = queries.hasKey() ? current.nextChunkStart(boundary(connection, queries, current.resumeKey().orElse(null)))
                    : Chunk.wholeTable();
            chunk(binding, queries, chunk, connection, marks);
            log.progressIfDue(name);
            if (chunk.isLast()) {
                progress.tableCompleted(name);
                log.step("table " + name + " done: " + progress.table(name).rowsDone() + " rows");
                return;
            }
        }
    }

    private List<Object> boundary(Connection connection, ChunkQueries queries, List<Object> start) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(queries.boundary(start, chunkSize))) {
            queries.bind(statement, start, null);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? queries.key(rows, 1) : null;
            }
        }
    }

    private void chunk(TableBinding binding, ChunkQueries queries, Chunk chunk, Connection connection, ChunkWatermarks marks)
            throws Exception {
        emitter.lock();
        try {
            windows.open(binding.id(), emitter.readerPosition().sourcePosition());
        } finally {
            emitter.unlock();
        }
        marks.low(binding.id(), chunk);
        hooks.afterLowWatermark(binding.id(), chunk);
        select(binding, queries, chunk, connection);
        hooks.beforeHighWatermark(binding.id(), chunk);
        marks.high(binding.id(), chunk);
        Optional<BinlogPosition> low = marks.awaitReaderPastHigh(WAIT_STEP);
        while (low.isEmpty()) {
            if (stopped) {
                throw new InterruptedException("snapshot stopped while waiting for the binlog reader to reach the high watermark of chunk "
                        + chunk.index() + " of " + binding.id().displayName());
            }
            low = marks.awaitReaderPastHigh(WAIT_STEP);
        }
        try {
            emit(binding, chunk, low.get());
        } finally {
            emitter.unlock();
        }
    }

    private void select(TableBinding binding, ChunkQueries queries, Chunk chunk, Connection connection) throws SQLException {
        BitSet allColumns = new BitSet();
        allColumns.set(0, queries.columnCount());
        try (PreparedStatement statement = connection.prepareStatement(queries.rows(chunk), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            if (queries.hasKey()) {
                queries.bind(statement, chunk.start(), chunk.end());
            }
            statement.setFetchSize(Math.min(chunkSize, 10_000));
            try (ResultSet rows = statement.executeQuery()) {
                long index = 0;
                while (rows.next()) {
                    Serializable[] cells = SnapshotCells.read(rows, 1, binding.table());
                    Struct after = binding.converter().row(cells, allColumns);
                    Struct key = binding.converter().key(after);
                    windows.addRow(key != null ? TableBinding.keyValues(key) : index, new ChunkRow(key, after));
                    index++;
                }
            }
        }
        windows.chunkRead();
    }

    /**
     * Holding the lock: closes the window and enqueues the surviving rows. The state comes from the
     * offsets, so tables a signal queued meanwhile stay queued.
     */
    private void emit(TableBinding binding, Chunk chunk, BinlogPosition low) throws InterruptedException {
        List<ChunkRow> rows = windows.close();
        SnapshotState state = emitter.offsets().snapshot().orElseThrow();
        SnapshotState finished = state.chunkFinished(chunk, rows.size());
        long position = low.sourcePosition();
        var source = sourceInfo.of(new MySqlSourceInfo.Event(clock.millis(), SnapshotMarker.TRUE, binding.table().database(),
                binding.table().name(), 0, null, low.file(), low.position(), 0, null, null, position));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> offset = emitter.offsets().offset(emitter.current(), i == rows.size() - 1 ? finished : state);
            ChunkRow row = rows.get(i);
            SourceRecord record = binding.records().read(row.key(), row.after(), EventContext.of(partition, offset, source));
            emitter.emitChange(record);
        }
        progress.rowsScanned(binding.table().database() + "." + binding.table().name(), rows.size());
        emitter.offsets().snapshot(finished);
    }

    private static Map<String, Long> estimates(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> estimates = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            for (String text : tables) {
                TableId id = TableId.parse(text);
                statement.setString(1, id.catalog().orElse(""));
                statement.setString(2, id.table());
                try (ResultSet rows = statement.executeQuery()) {
                    estimates.put(id.catalog().orElse("") + "." + id.table(), rows.next() ? Math.max(0, rows.getLong(1)) : 0L);
                }
            }
        }
        return estimates;
    }

    /** A row read by a chunk, waiting for its high watermark. */
    record ChunkRow(Struct key, Struct after) {
    }
}
