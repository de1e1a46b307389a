package dev.cdc.source.postgres;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.snapshot.SnapshotLog;
import dev.cdc.core.snapshot.SnapshotMetrics;
import dev.cdc.core.snapshot.SnapshotProgress;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.connect.ConnectMappingOptions;
import dev.cdc.schema.connect.ConnectSchemaMapper;
import dev.cdc.source.postgres.config.PostgresConnectorConfig;
import dev.cdc.source.postgres.ddl.DdlCaptureTrigger;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.event.PostgresSourceInfo;
import dev.cdc.source.postgres.event.SchemaChangeRecords;
import dev.cdc.source.postgres.event.TableSchemaFactory;
import dev.cdc.source.postgres.replication.Lsn;
import dev.cdc.source.postgres.server.JdbcConnections;
import dev.cdc.source.postgres.server.Publications;
import dev.cdc.source.postgres.server.ReplicationSlots;
import dev.cdc.source.postgres.server.ServerFacts;
import dev.cdc.source.postgres.server.ServerInspector;
import dev.cdc.source.postgres.server.ServerProblem;
import dev.cdc.source.postgres.server.Sql;
import dev.cdc.source.postgres.server.StartupChecks;
import dev.cdc.source.postgres.server.TableInfo;
import dev.cdc.source.postgres.signal.SignalTable;
import dev.cdc.source.postgres.snapshot.IncrementalSnapshot;
import dev.cdc.source.postgres.snapshot.ReSnapshotHooks;
import dev.cdc.source.postgres.snapshot.SnapshotPlan;
import dev.cdc.source.postgres.snapshot.SnapshotReader;
import dev.cdc.source.postgres.stream.ChangeStreamHandler;
import dev.cdc.source.postgres.stream.ConfirmedLsn;
import dev.cdc.source.postgres.stream.HeartbeatMessages;
import dev.cdc.source.postgres.stream.RecordSink;
import dev.cdc.source.postgres.stream.RelationRegistry;
import dev.cdc.source.postgres.stream.TableCatalog;
import dev.cdc.source.postgres.stream.WalStreamReader;
import dev.cdc.source.postgres.types.PgColumnTypes;
import dev.cdc.source.postgres.types.PgTypeRegistry;

/**
 * One run of the reader thread, from the start-up checks to streaming, logged by numbered steps:
 * <ol>
 *   <li>check the server ({@link StartupChecks});</li>
 *   <li>load the data types; create or align the publication (with the signal table); install or find the
 *   DDL event triggers ({@link DdlCaptureTrigger}); read the stored schema history of the captured tables;</li>
 *   <li>decide what to do ({@link StartPlan}); drop a lost slot (when_needed); create the slot,
 *   exporting its snapshot;</li>
 *   <li>snapshot ({@link SnapshotReader}) when planned;</li>
 *   <li>stream from the offset or the consistent point ({@link WalStreamReader}) until interrupted, reading
 *   the chunks of on-demand re-snapshots between transactions ({@link IncrementalSnapshot}).</li>
 * </ol>
 * Failures go to the queue through the {@code failure} callback; an interrupt ends the run quietly.
 */
final class CaptureSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSession.class);
    /** Protocol version of pgoutput; 1 sends each transaction whole after its commit. */
    static final int PROTOCOL_VERSION = 1;

    private final PostgresConnectorConfig config;
    private final Map<String, ?> startOffset;
    private final RecordSink sink;
    private final ConfirmedLsn confirmed;
    private final java.util.function.Consumer<Throwable> failure;
    private final TaskState taskState;
    private final Duration startDelay;
    private final Clock clock;
    private final ReSnapshotHooks hooks;
    private final String prefix;
    private final Map<String, String> partition;
    private final JdbcConnections connections;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private int step;

    /**
     * @param startOffset the offset to resume from (last polled or committed); empty when none
     * @param startDelay  how long to wait first (backoff after a retriable failure)
     */
    CaptureSession(PostgresConnectorConfig config, Map<String, ?> startOffset, RecordSink sink, ConfirmedLsn confirmed,
            java.util.function.Consumer<Throwable> failure, TaskState taskState, Duration startDelay, Clock clock) {
        this(config, startOffset, sink, confirmed, failure, taskState, startDelay, clock, ReSnapshotHooks.NONE);
    }

    /** @param hooks statements tests run between a re-snapshot chunk's watermarks */
    CaptureSession(PostgresConnectorConfig config, Map<String, ?> startOffset, RecordSink sink, ConfirmedLsn confirmed,
            java.util.function.Consumer<Throwable> failure, TaskState taskState, Duration startDelay, Clock clock, ReSnapshotHooks hooks) {
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.config = requireNonNull(config, "config is null");
        this.startOffset = startOffset == null ? Map.of() : new LinkedHashMap<>(startOffset);
        this.sink = requireNonNull(sink, "sink is null");
        this.confirmed = requireNonNull(confirmed, "confirmed is null");
        this.failure = requireNonNull(failure, "failure is null");
        this.taskState = requireNonNull(taskState, "taskState is null");
        this.startDelay = requireNonNull(startDelay, "startDelay is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.prefix = config.common().topicPrefix();
        this.partition = PostgresOffset.partition(prefix);
        this.connections = new JdbcConnections(config.connection(), prefix + "-postgres-source");
    }

    @Override
    public void run() {
        try {
            Thread.sleep(startDelay.toMillis());
            capture();
        } catch (InterruptedException e) {
            LOG.info("Reader of {} stopped", prefix);
        } catch (Throwable e) {
            failure.accept(e);
        } finally {
            closeResources();
            dropSlotIfConfigured();
        }
    }

    private void capture() throws SQLException, InterruptedException {
        Connection plain = open(connections.open());
        ServerInspector inspector = new ServerInspector(plain);
        OptionalLong offsetLsn = PostgresOffset.from(startOffset).map(offset -> OptionalLong.of(offset.resumeLsn())).orElse(OptionalLong.empty());
        step("checking " + config.connection().address() + " (" + config.replication() + ")");
        ServerFacts facts = inspector.inspect(config.replication().slotName(), config.replication().publicationName(),
                config.filters().filter());
        List<ServerProblem> problems = StartupChecks.problems(facts, config, offsetLsn, config.connection().address());
        problems.stream().filter(problem -> !problem.isError()).forEach(problem -> LOG.warn("Start-up check {}", problem));
        String errors = StartupChecks.describeErrors(problems);
        if (!errors.isEmpty()) {
            throw new ConnectException("PostgreSQL source " + prefix + " cannot start: " + errors);
        }
        step("loading data types; publication " + config.replication().publicationName() + " ("
                + config.replication().publicationAutocreateMode().configValue() + ") for " + facts.tables().size() + " tables");
        PgTypeRegistry types = PgTypeRegistry.load(plain);
        boolean viaRoot = Publications.ensure(plain, config.replication().publicationName(),
                config.replication().publicationAutocreateMode(), facts, publishedTables(inspector, facts));
        ddlCapture(plain, facts);
        taskState.history().preload(facts.tables().stream().map(TableInfo::oid).toList());
        boolean positionLost = problems.stream().anyMatch(problem -> problem.check().startsWith("slot ")
                && !problem.check().equals("slot database") && !problem.check().equals("slot plugin"));
        StartPlan plan = StartPlan.decide(startOffset, facts.slot(), config.snapshot().mode(), positionLost,
                facts.tables().stream().map(table -> table.id().toString()).toList());
        step("plan: " + describe(plan));
        if (plan.dropSlot()) {
            ReplicationSlots.drop(plain, config.replication().slotName());
        }
        Connection replication = open(connections.openReplication());
        long consistentPoint = plan.snapshotLsn().orElse(0);
        String snapshotName = null;
        if (plan.createSlot()) {
            ReplicationSlots.CreatedSlot slot = ReplicationSlots.createExportingSnapshot(replication, config.replication().slotName(),
                    !plan.stream());
            consistentPoint = slot.consistentPoint();
            snapshotName = slot.snapshotName();
            step("created slot " + config.replication().slotName() + " at LSN " + Lsn.format(consistentPoint)
                    + (plan.stream() ? "" : " (temporary: initial_only)"));
        }
        ConnectSchemaMapper mapper = new ConnectSchemaMapper(ConnectMappingOptions.defaults()
                .withTimePrecision(ConnectMappingOptions.TimePrecision.ADAPTIVE));
        TableSchemaFactory schemas = new TableSchemaFactory(new PgColumnTypes(types));
        PostgresSourceInfo sourceInfo = new PostgresSourceInfo(prefix, config.connection().database());
        RelationRegistry relations = new RelationRegistry(config.connection().database(), config.filters().filter(), schemas,
                catalog(inspector, viaRoot), schema -> capturedTable(schema, mapper), taskState.history());
        SchemaChangeRecords schemaChanges = new SchemaChangeRecords(prefix, taskState.history());
        if (plan.snapshot().isPresent()) {
            snapshot(new SnapshotPlan(consistentPoint, snapshotName, plan.snapshot().get()), facts.tables(), schemas, mapper,
                    relations, schemaChanges, sourceInfo);
        }
        if (!plan.stream()) {
            step("snapshot.mode=" + config.snapshot().mode().configValue() + ": not streaming");
            Thread.sleep(Long.MAX_VALUE);
        }
        PostgresOffset start = plan.streamFrom().orElse(PostgresOffset.at(consistentPoint));
        IncrementalSnapshot incremental = incrementalSnapshot(plain, inspector, schemas, mapper, sourceInfo);
        stream(replication, start, relations, schemaChanges, sourceInfo, types, plain, facts.serverVersionNumber(), incremental);
    }

    private void snapshot(SnapshotPlan plan, List<TableInfo> tables, TableSchemaFactory schemas, ConnectSchemaMapper mapper,
            RelationRegistry relations, SchemaChangeRecords schemaChanges, PostgresSourceInfo sourceInfo)
            throws SQLException, InterruptedException {
        Connection connection = open(connections.open());
        ServerInspector inspector = new ServerInspector(connection);
        Map<String, TableInfo> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.id().toString(), table));
        SnapshotProgress progress = new SnapshotProgress(clock);
        SnapshotLog log = new SnapshotLog(progress, SnapshotLog.DEFAULT_INTERVAL);
        long position = SourcePosition.postgres(plan.consistentPoint(), 0);
        SnapshotReader.TableLoader loader = table -> {
            TableSchema schema = schemas.build(table.id(), inspector.columns(table.oid()), inspector.primaryKey(table.oid()), 0, position);
            Optional<RelationRegistry.SchemaUpdate> update = relations.onSnapshot(table.oid(), schema);
            if (update.isPresent()) {
                Struct source = sourceInfo.snapshot(table.id().schema().orElseThrow(), table.id().table(), clock.millis(),
                        plan.consistentPoint(), position).struct();
                Optional<SourceRecord> record = schemaChanges.changed(table.oid(), update.get().previous().orElse(null),
                        update.get().table().schema(), Optional.empty(), List.of(), source, clock.millis());
                if (record.isPresent()) {
                    sink.accept(record.get());
                }
                return update.get().table();
            }
            return capturedTable(schema, mapper);
        };
        try (SnapshotMetrics metrics = SnapshotMetrics.register(prefix, progress)) {
            new SnapshotReader(connection, plan, byName, loader, config.snapshot().chunkSize(), sourceInfo, partition,
                    config.common().heartbeat().topicFor(prefix), sink, progress, log).run();
        }
    }

    private void stream(Connection replication, PostgresOffset start, RelationRegistry relations, SchemaChangeRecords schemaChanges,
            PostgresSourceInfo sourceInfo, PgTypeRegistry types, Connection plain, int serverVersion, IncrementalSnapshot incremental)
            throws SQLException, InterruptedException {
        boolean messages = serverVersion >= 140000;
        ChainedLogicalStreamBuilder builder = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(config.replication().slotName())
                .withSlotOption("proto_version", PROTOCOL_VERSION)
                .withSlotOption("publication_names", Sql.quote(config.replication().publicationName()))
                .withStatusInterval((int) config.replication().statusUpdateInterval().toMillis(), TimeUnit.MILLISECONDS)
                .withAutomaticFlush(false);
        if (messages) {
            builder.withSlotOption("messages", true);
        }
        if (start.resumeLsn() > 0) {
            builder.withStartPosition(LogSequenceNumber.valueOf(start.resumeLsn()));
        }
        PGReplicationStream stream = builder.start();
        resources.add(0, stream::close);
        step("streaming from slot " + config.replication().slotName() + " at LSN " + Lsn.format(start.resumeLsn())
                + (start.commitLsn() > 0 ? ", skipping changes up to index " + start.index() + " of the transaction committed at "
                + Lsn.format(start.commitLsn()) : ""));
        Heartbeat heartbeat = new Heartbeat(config.common().heartbeat(), prefix, partition, clock);
        ChangeStreamHandler handler = new ChangeStreamHandler(relations, sourceInfo, partition, start,
                config.events().tombstonesOnDelete(), sink, schemaChanges, heartbeat, () -> types.reload(plain), incremental);
        new WalStreamReader(stream, handler, heartbeat, new HeartbeatMessages(plain, messages), sink, confirmed, incremental).run();
    }

    /** The captured tables, plus the signal table when there is one (with {@code filtered}, the publication must carry it). */
    private List<TableInfo> publishedTables(ServerInspector inspector, ServerFacts facts) throws SQLException {
        List<TableInfo> tables = new ArrayList<>(facts.tables());
        if (config.signals().enabled()) {
            String schema = config.signals().schema().orElseThrow();
            String table = config.signals().table().orElseThrow();
            Optional<Long> oid = inspector.tableOid(schema, table);
            if (oid.isEmpty()) {
                LOG.warn("The signal table {}.{} (signal.data.collection) does not exist; no re-snapshot can be asked for until it is"
                        + " created: CREATE TABLE {}.{} (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048))",
                        schema, table, schema, table);
            } else if (tables.stream().noneMatch(captured -> captured.oid() == oid.get())) {
                tables.add(new TableInfo(oid.get(), TableId.of(config.connection().database(), schema, table), 'd', List.of(), 0));
            }
        }
        return tables;
    }

    private IncrementalSnapshot incrementalSnapshot(Connection plain, ServerInspector inspector, TableSchemaFactory schemas,
            ConnectSchemaMapper mapper, PostgresSourceInfo sourceInfo) {
        IncrementalSnapshot.TableLookup lookup = name -> {
            int dot = name.indexOf('.');
            String schema = dot < 0 ? "public" : name.substring(0, dot);
            String table = name.substring(dot + 1);
            Optional<Long> oid = inspector.tableOid(schema, table);
            if (oid.isEmpty() || !config.filters().filter().includesTable(schema, table)) {
                return Optional.empty();
            }
            TableSchema tableSchema = schemas.build(TableId.of(config.connection().database(), schema, table),
                    inspector.columns(oid.get()), inspector.primaryKey(oid.get()), 0, 0);
            return Optional.of(new IncrementalSnapshot.SnapshotTable(oid.get(), Sql.quote(schema) + "." + Sql.quote(table),
                    capturedTable(tableSchema, mapper)));
        };
        return new IncrementalSnapshot(prefix, plain, lookup, new SignalTable(config.signals().schema(), config.signals().table()),
                config.snapshot().chunkSize(), sourceInfo, partition, sink, clock, IncrementalSnapshot.stateFrom(startOffset), hooks);
    }

    /** Installs or finds the DDL event triggers; without them, says once per task what is lost. */
    private void ddlCapture(Connection plain, ServerFacts facts) throws SQLException {
        DdlCaptureTrigger.Status status = DdlCaptureTrigger.ensure(plain, facts.superuser(), facts.serverVersionNumber());
        switch (status) {
            case INSTALLED, PRESENT -> step("DDL capture: event triggers " + DdlCaptureTrigger.DDL_TRIGGER + " and "
                    + DdlCaptureTrigger.DROP_TRIGGER + (status == DdlCaptureTrigger.Status.INSTALLED ? " installed" : " found"));
            case ABSENT -> {
                if (taskState.firstDdlCaptureWarning()) {
                    LOG.warn("DDL capture is off: the event triggers {} and {} do not exist in {} and role {} is not a superuser,"
                            + " which PostgreSQL requires to create them. Schema changes are still detected from the stream, but a"
                            + " RENAME COLUMN will look like a DROP COLUMN plus an ADD COLUMN, a DROP TABLE is not reported, and"
                            + " events carry no DDL text. Fix: let a superuser run the statements in the README of"
                            + " source-postgres (section DDL capture), or run the connector as a superuser once.",
                            DdlCaptureTrigger.DDL_TRIGGER, DdlCaptureTrigger.DROP_TRIGGER, config.connection().address(), facts.user());
                }
            }
            case UNSUPPORTED -> {
                if (taskState.firstDdlCaptureWarning()) {
                    LOG.warn("DDL capture is off: PostgreSQL {} cannot send logical messages through pgoutput (14 or later can);"
                            + " a RENAME COLUMN will look like a DROP COLUMN plus an ADD COLUMN", facts.serverVersionNumber());
                }
            }
        }
    }

    /** The table at a schema version, keyed by its {@code message.key.columns} when an entry names it, else by its primary key. */
    private CapturedTable capturedTable(TableSchema schema, ConnectSchemaMapper mapper) {
        List<String> keyColumns = config.messageKeys().columns().columnsFor(schema.id().schema().orElseThrow(), schema.id().table())
                .orElse(schema.primaryKey());
        return new CapturedTable(schema, keyColumns, config.filters().filter(), mapper, prefix, PostgresSourceInfo.SOURCE_SCHEMA, clock);
    }

    /** @param viaRoot whether the publication sends the changes of partitions under their partitioned table's name */
    private static TableCatalog catalog(ServerInspector inspector, boolean viaRoot) {
        return new TableCatalog() {
            @Override
            public List<dev.cdc.source.postgres.server.ColumnInfo> columns(long tableOid) throws SQLException {
                return inspector.columns(tableOid);
            }

            @Override
            public List<String> primaryKey(long tableOid) throws SQLException {
                return inspector.primaryKey(tableOid);
            }

            @Override
            public boolean publishedViaRoot(long tableOid) throws SQLException {
                return viaRoot && inspector.isPartition(tableOid);
            }
        };
    }

    private static String describe(StartPlan plan) {
        List<String> parts = new ArrayList<>();
        if (plan.dropSlot()) {
            parts.add("drop the slot (position lost, snapshot.mode=when_needed)");
        }
        if (plan.createSlot()) {
            parts.add("create the slot");
        }
        plan.snapshot().ifPresent(state -> parts.add(state.lastFinishedChunk() >= 0 || state.remainingTables().isEmpty()
                ? "resume the snapshot (" + state + ")" : "snapshot " + state.remainingTables().size() + " tables"));
        parts.add(plan.stream() ? "stream" + plan.streamFrom().map(offset -> " from LSN " + Lsn.format(offset.resumeLsn())).orElse("")
                : "no streaming");
        return String.join(", ", parts);
    }

    private void step(String description) {
        LOG.info("Start step {}: {}", ++step, description);
    }

    private Connection open(Connection connection) {
        resources.add(0, connection);
        return connection;
    }

    private void closeResources() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed", resource, e);
            }
        }
        resources.clear();
    }

    private void dropSlotIfConfigured() {
        if (!config.replication().dropSlotOnStop()) {
            return;
        }
        try (Connection connection = connections.open(); Statement ignored = connection.createStatement()) {
            if (ReplicationSlots.drop(connection, config.replication().slotName())) {
                LOG.info("Dropped slot {} (slot.drop.on.stop=true)", config.replication().slotName());
            }
        } catch (SQLException e) {
            LOG.warn("Cannot drop slot {} (slot.drop.on.stop=true): {}", config.replication().slotName(), e.getMessage());
        }
    }
}
