package dev.cdc.source.mysql;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.queue.ApproximateRecordSize;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.core.snapshot.SnapshotMetrics;
import dev.cdc.core.snapshot.SnapshotProgress;
import dev.cdc.core.thread.NamedThreadFactory;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.history.HistoryTables;
import dev.cdc.source.mysql.history.InformationSchemaReader;
import dev.cdc.source.mysql.history.OffsetSchemaHistory;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.ServerPositions;
import dev.cdc.source.mysql.offset.SourcePartitions;
import dev.cdc.source.mysql.offset.StartPlan;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.JdbcConnections;
import dev.cdc.source.mysql.server.ServerFacts;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.server.ServerPreflight;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.signal.SignalHandler;
import dev.cdc.source.mysql.signal.SignalTable;
import dev.cdc.source.mysql.signal.SignalTableCheck;
import dev.cdc.source.mysql.signal.SignalTableWatermarks;
import dev.cdc.source.mysql.signal.WatermarkSightings;
import dev.cdc.source.mysql.snapshot.ChunkWatermarks;
import dev.cdc.source.mysql.snapshot.ChunkedSnapshot;
import dev.cdc.source.mysql.snapshot.SnapshotRequests;
import dev.cdc.source.mysql.stream.SignalChannel;
import dev.cdc.source.mysql.snapshot.SnapshotFailedException;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import dev.cdc.source.mysql.stream.BinlogEventDispatcher;
import dev.cdc.source.mysql.stream.BinlogStreamer;
import dev.cdc.source.mysql.stream.DdlSchemas;
import dev.cdc.source.mysql.stream.GtidTracker;
import dev.cdc.source.mysql.stream.MySqlErrors;
import dev.cdc.source.mysql.stream.RecordEmitter;
import dev.cdc.source.mysql.stream.SchemaChangeRecorder;
import dev.cdc.source.mysql.stream.StreamChangeObserver;
import dev.cdc.source.mysql.stream.TableBinding;
import dev.cdc.source.mysql.stream.TableMapCache;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlCharsets;
import dev.cdc.source.mysql.types.MySqlTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of one task, wired once: the queue, the emitter both threads enqueue through,
 * the binlog reader ({@link BinlogStreamer} + {@link BinlogEventDispatcher}), the snapshot thread
 * ({@link ChunkedSnapshot}) and the schema history. A reader that failed with a retriable error is
 * restarted from the last enqueued offset by the {@link #poll()} after the one that delivered the
 * error (until then the queue refuses new events).
 */
final class TaskRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRuntime.class);

    private final MySqlConnectorConfig config;
    private final String connectorName;
    private final JdbcConnections connections;
    private final SourcePartitions partitions;
    private final ChangeEventQueue<SourceRecord> queue;
    private final RecordEmitter emitter;
    private final OffsetSchemaHistory history;
    private final TableBinding.Factory streamBindings;
    private final TableMapCache tables;
    private final SchemaChangeRecorder schemaChanges;
    private final GtidFlavor gtidFlavor;
    private final ChunkedSnapshot snapshot;
    private final Thread snapshotThread;
    private final SnapshotMetrics metrics;
    private final CaptureFilter filter;
    private final Optional<TableId> signalTable;
    private final WatermarkSightings watermarkSightings;
    private final TableMapReader tableMaps;
    private volatile BinlogStreamer streamer;
    private volatile BinlogEventDispatcher dispatcher;
    private volatile boolean readerFailed;
    private boolean restartPending;

    private TaskRuntime(Builder builder) {
        this.config = builder.config;
        this.connectorName = builder.connectorName;
        this.connections = builder.connections;
        this.partitions = builder.partitions;
        this.queue = builder.queue;
        this.emitter = builder.emitter;
        this.history = builder.history;
        this.streamBindings = builder.streamBindings;
        this.snapshot = builder.snapshot;
        this.filter = builder.filter;
        this.signalTable = config.signals().table();
        this.watermarkSightings = builder.watermarkSightings;
        this.tableMaps = builder.tableMaps;
        this.tables = new TableMapCache(builder.tableMaps, filter, streamBindings);
        StreamChangeObserver observer = snapshot == null ? StreamChangeObserver.NONE : snapshot.observer();
        this.schemaChanges = new SchemaChangeRecorder(config.common().topicPrefix(), partitions.stream(), filter,
                this::currentDefinition, builder.ddlSchemas, history, tables, observer);
        this.gtidFlavor = builder.gtidFlavor;
        this.snapshotThread = snapshot == null ? null : new NamedThreadFactory(connectorName, "snapshot").newThread(snapshot);
        this.metrics = builder.metrics;
    }

    /**
     * Snapshot step 1 and stream step 1: checks the server, decides where to start, loads the
     * schema history, and starts the reader and, when needed, the snapshot.
     */
    static TaskRuntime start(MySqlConnectorConfig config, String connectorName,
            Function<Collection<Map<String, String>>, Map<Map<String, String>, Map<String, Object>>> storedOffsets, SnapshotHooks hooks,
            Clock clock) throws SQLException {
        Builder builder = new Builder(config, connectorName);
        JdbcConnections connections = builder.connections;
        ServerFacts facts = ServerPreflight.run(connections, config.connection().serverId());
        ServerFlavor flavor = facts.version().isMariaDb() ? ServerFlavor.MARIADB : ServerFlavor.MYSQL;
        builder.gtidFlavor = facts.gtidFlavor();
        Map<TableId, MySqlTable> captured;
        StartPlan plan;
        MySqlCharsets charsets;
        Map<String, Object> stored;
        try (Connection connection = connections.open()) {
            charsets = MySqlCharsets.builtIn().withCollations(collations(connection));
            if (config.signals().table().isPresent()) {
                new SignalTableCheck(connection).check(config.signals().table().get(), config.connection().server().user());
            }
            captured = new InformationSchemaReader(connection).capturedTableDefinitions(builder.filter);
            builder.catalog = catalog(connection, captured.values());
            stored = storedOffsets.apply(List.of(builder.partitions.stream())).get(builder.partitions.stream());
            plan = StartPlan.decide(config.snapshot().mode(), stored, new ServerPositions(connection), builder.gtidFlavor,
                    List.copyOf(captured.keySet()), config.onDemandSnapshot().request());
        }
        LOG.info("Step 1: {} captured tables {}; {}", captured.size(), captured.keySet().stream().map(TableId::displayName).toList(), plan.reason());
        builder.history = new OffsetSchemaHistory(builder.partitions);
        List<TableId> rebuilt = builder.history.load(captured, plan.stream().position().sourcePosition(), storedOffsets);
        seedFromHistory(builder.catalog, captured.keySet(), rebuilt, builder.history);
        builder.ddlSchemas = new DdlSchemas(builder.catalog);
        builder.tableMaps = new TableMapReader(charsets, flavor);
        var decoding = config.decoding();
        builder.streamBindings = new TableBinding.Factory(config.common().topicPrefix(), builder.filter,
                new BinlogValueConverters(decoding.bigintUnsignedMode(), flavor == ServerFlavor.MYSQL), decoding.bigintUnsignedMode(), clock);
        Heartbeat heartbeat = new Heartbeat(config.common().heartbeat(), config.common().topicPrefix(), builder.partitions.stream(), clock);
        String signalId = stored == null || stored.get(OffsetContext.SIGNAL_ID) == null ? null : stored.get(OffsetContext.SIGNAL_ID).toString();
        builder.emitter = new RecordEmitter(builder.queue, new OffsetContext(plan.snapshot().orElse(null), plan.onDemandId().orElse(null),
                signalId), heartbeat, plan.stream());
        if (plan.snapshot().isPresent() || config.signals().table().isPresent()) {
            builder.snapshot = snapshot(builder, hooks, clock);
        }
        TaskRuntime runtime = new TaskRuntime(builder);
        runtime.storeRebuiltHistory(rebuilt, plan);
        runtime.startReader();
        if (runtime.snapshotThread != null) {
            runtime.snapshotThread.start();
        }
        return runtime;
    }

    /** The snapshot thread's work: the planned snapshot, and with a signal table every snapshot a signal asks for. */
    private static ChunkedSnapshot snapshot(Builder builder, SnapshotHooks hooks, Clock clock) {
        MySqlConnectorConfig config = builder.config;
        SnapshotProgress progress = new SnapshotProgress(clock);
        builder.metrics = SnapshotMetrics.register(config.common().topicPrefix(), progress);
        ChunkWatermarks.Factory watermarks = config.signals().table().<ChunkWatermarks.Factory>map(table -> connection ->
                new SignalTableWatermarks(connection, table, builder.watermarkSightings, builder.emitter::awaitReader)).orElse(null);
        return new ChunkedSnapshot(new ChunkedSnapshot.Settings(config.common().topicPrefix(), builder.partitions.stream(),
                config.snapshot().chunkSize(), hooks, clock, watermarks, config.signals().table().isPresent()), builder.connections, builder.emitter,
                builder.streamBindings.withValues(new BinlogValueConverters(config.decoding().bigintUnsignedMode(), false)), progress,
                builder::snapshotFailed);
    }

    /** helper-4's DDL catalog, seeded with the captured tables and the databases' character sets as they are now. */
    private static SchemaCatalog catalog(Connection connection, Collection<MySqlTable> tables) throws SQLException {
        SchemaCatalog catalog;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@character_set_server")) {
            rows.next();
            catalog = new SchemaCatalog(rows.getString(1));
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA")) {
            while (rows.next()) {
                catalog.defineDatabase(rows.getString(1), rows.getString(2));
            }
        }
        tables.forEach(catalog::define);
        return catalog;
    }

    /**
     * Tables with a stored history entry start the catalog from it, the definition at the resume
     * position, so that DDL replayed by a lagging connector applies to the definition it followed.
     */
    private static void seedFromHistory(SchemaCatalog catalog, Collection<TableId> tables, List<TableId> rebuilt, OffsetSchemaHistory history) {
        for (TableId table : tables) {
            if (!rebuilt.contains(table)) {
                history.latest(table).flatMap(HistoryTables::toMySqlTable).ifPresent(catalog::define);
            }
        }
    }

    private static Map<Integer, String> collations(Connection connection) throws SQLException {
        Map<Integer, String> collations = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID, CHARACTER_SET_NAME FROM information_schema.COLLATIONS"
                        + " WHERE ID IS NOT NULL AND CHARACTER_SET_NAME IS NOT NULL")) {
            while (rows.next()) {
                collations.put(rows.getInt(1), rows.getString(2));
            }
        }
        return collations;
    }

    private void storeRebuiltHistory(List<TableId> rebuilt, StartPlan plan) {
        try {
            for (SourceRecord record : schemaChanges.rebuilt(rebuilt, plan.stream().position())) {
                queue.enqueue(record);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the rebuilt schema history", e);
        }
    }

    private void startReader() {
        StreamChangeObserver observer = snapshot == null ? StreamChangeObserver.NONE : snapshot.observer();
        GtidTracker gtids = new GtidTracker(gtidFlavor, emitter.current().gtids());
        dispatcher = new BinlogEventDispatcher(new BinlogEventDispatcher.Settings(config.common().topicPrefix(), partitions.stream(),
                config.events().tombstonesOnDelete(), config.decoding().failureMode()), emitter, tables, gtids, observer, schemaChanges,
                signals(), this::readerFailed);
        readerFailed = false;
        streamer = new BinlogStreamer(connectorName, config.connection(), emitter.current(), gtidFlavor, dispatcher, config.decoding().failureMode(),
                serverHeartbeat(), this::readerFailed);
        streamer.start();
    }

    /** The signal table as the reader sees it; a new one per reader, the requests and sightings stay. */
    private SignalChannel signals() {
        if (signalTable.isEmpty()) {
            return SignalChannel.NONE;
        }
        SnapshotRequests requests = new SnapshotRequests(emitter.offsets(), snapshot::wake);
        return new SignalTable(signalTable.get(), tableMaps, streamBindings, new SignalHandler(watermarkSightings, requests, filter));
    }

    private Duration serverHeartbeat() {
        Duration interval = config.common().heartbeat().interval();
        if (interval.isZero()) {
            return Duration.ofSeconds(30);
        }
        Duration half = interval.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half.compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10) : half;
    }

    private Optional<MySqlTable> currentDefinition(TableId table) throws SQLException {
        try (Connection connection = connections.open()) {
            return new InformationSchemaReader(connection).table(table);
        }
    }

    private void readerFailed(Throwable error) {
        readerFailed = true;
        queue.fail(error);
    }

    /** The next batch; null when none came within {@code poll.interval.ms}. */
    List<SourceRecord> poll() throws InterruptedException {
        if (restartPending) {
            restartPending = false;
            restartReader();
        }
        try {
            List<SourceRecord> records = queue.poll();
            return records.isEmpty() ? null : records;
        } catch (RetriableException e) {
            // the queue delivered the reader's retriable error: it accepts events again, so restart on the next poll
            restartPending = readerFailed;
            throw e;
        }
    }

    private void restartReader() {
        BinlogStreamer old = streamer;
        LOG.info("Step 2: restarting the binlog reader from {} after a retriable failure", emitter.current());
        old.close();
        startReader();
    }

    @Override
    public void close() {
        if (snapshot != null) {
            snapshot.stop();
            snapshotThread.interrupt();
        }
        BinlogStreamer current = streamer;
        if (current != null) {
            current.close();
        }
        if (snapshotThread != null) {
            try {
                snapshotThread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Collects the parts while {@link #start} wires them. */
    private static final class Builder {
        private final MySqlConnectorConfig config;
        private final String connectorName;
        private final JdbcConnections connections;
        private final SourcePartitions partitions;
        private final ChangeEventQueue<SourceRecord> queue;
        private RecordEmitter emitter;
        private OffsetSchemaHistory history;
        private TableBinding.Factory streamBindings;
        private TableMapReader tableMaps;
        private DdlSchemas ddlSchemas;
        private SchemaCatalog catalog;
        private GtidFlavor gtidFlavor;
        private ChunkedSnapshot snapshot;
        private SnapshotMetrics metrics;
        private final CaptureFilter filter;
        private final WatermarkSightings watermarkSightings = new WatermarkSightings();

        Builder(MySqlConnectorConfig config, String connectorName) {
            this.config = requireNonNull(config, "config is null");
            this.filter = config.captureFilter();
            this.connectorName = requireNonNull(connectorName, "connectorName is null");
            this.connections = new JdbcConnections(config.connection());
            this.partitions = new SourcePartitions(config.common().topicPrefix());
            this.queue = new ChangeEventQueue<>(config.common().topicPrefix(), config.common().queue(), ApproximateRecordSize::of,
                    MySqlErrors.classifier());
        }

        void snapshotFailed(Throwable error) {
            LOG.error("Snapshot failed: {}", error.toString());
            queue.fail(new SnapshotFailedException("the snapshot failed: " + error.getMessage()
                    + "; a restarted task resumes it after the last finished chunk", error));
        }
    }
}
