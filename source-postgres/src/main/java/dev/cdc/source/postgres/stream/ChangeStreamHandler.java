package dev.cdc.source.postgres.stream;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.TransactionBlock;
import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.schema.TableId;
import dev.cdc.source.postgres.ddl.DdlCaptureTrigger;
import dev.cdc.source.postgres.ddl.DdlMessage;
import dev.cdc.source.postgres.event.CapturedTable;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.event.PostgresSourceInfo;
import dev.cdc.source.postgres.event.RowImage;
import dev.cdc.source.postgres.event.SchemaChangeRecords;
import dev.cdc.source.postgres.replication.Lsn;
import dev.cdc.source.postgres.replication.PgOutputMessage;
import dev.cdc.source.postgres.replication.PgOutputMessage.Begin;
import dev.cdc.source.postgres.replication.PgOutputMessage.Commit;
import dev.cdc.source.postgres.replication.PgOutputMessage.Delete;
import dev.cdc.source.postgres.replication.PgOutputMessage.Insert;
import dev.cdc.source.postgres.replication.PgOutputMessage.LogicalMessage;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.Truncate;
import dev.cdc.source.postgres.replication.PgOutputMessage.Update;
import dev.cdc.source.postgres.replication.TupleData;
import dev.cdc.source.postgres.server.Sql;
import dev.cdc.source.postgres.snapshot.IncrementalSnapshot;

/**
 * Turns decoded pgoutput messages into change records, in stream order, on the reader thread.
 *
 * <h2>Positions and offsets</h2>
 * pgoutput sends each transaction whole, in commit order, and its Begin already carries the LSN of
 * the commit record. Every change of the transaction gets {@code SourcePosition.postgres(commitLsn,
 * index)}, where {@code index} counts the transaction's change messages (captured or not) from 0,
 * so the position is the same when the transaction is streamed again after a restart.
 *
 * <p>A change's records are held back until the next message shows whether the change was the
 * last of its transaction: the last change's records carry the offset {@code lsn = end of the
 * commit}, so a restart after them does not stream the transaction again; earlier ones carry the
 * previous resume LSN with ({@code lsn_commit}, {@code index}), and a restart skips what was
 * emitted (see {@link PostgresOffset}).
 *
 * <h2>Heartbeats</h2>
 * A non-transactional logical message with prefix {@value #HEARTBEAT_PREFIX} (written by the
 * reader with {@code pg_logical_emit_message}) moves the resume LSN while no transaction is open,
 * so that heartbeat records carry an LSN that lets the slot release WAL while the captured
 * tables are idle.
 */
public final class ChangeStreamHandler {
    /** Prefix of the logical messages the connector writes as heartbeats. */
    public static final String HEARTBEAT_PREFIX = "cdc-heartbeat";
    /** Header listing the columns whose unchanged TOASTed values were not sent (comma-separated). */
    public static final String UNCHANGED_TOAST_HEADER = "cdc.unchanged.toast";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamHandler.class);

    /** Reloads the data types after a Type message. */
    @FunctionalInterface
    public interface TypeReloader {
        void reload() throws SQLException;
    }

    private final RelationRegistry relations;
    private final PostgresSourceInfo sourceInfo;
    private final Map<String, ?> partition;
    private final PostgresOffset alreadyEmitted;
    private final boolean tombstones;
    private final RecordSink sink;
    private final SchemaChangeRecords schemaChanges;
    private final Heartbeat heartbeat;
    private final TypeReloader types;
    private final IncrementalSnapshot incremental;

    private long resumeLsn;
    private long lastCommitLsn;
    private PostgresOffset lastEmitted;
    private Transaction transaction;
    private Pending pending;

    /**
     * @param start where streaming starts: its resume LSN and the changes already emitted
     */
    public ChangeStreamHandler(RelationRegistry relations, PostgresSourceInfo sourceInfo, Map<String, ?> partition, PostgresOffset start,
            boolean tombstones, RecordSink sink, SchemaChangeRecords schemaChanges, Heartbeat heartbeat, TypeReloader types,
            IncrementalSnapshot incremental) {
        this.relations = requireNonNull(relations, "relations is null");
        this.sourceInfo = requireNonNull(sourceInfo, "sourceInfo is null");
        this.partition = Map.copyOf(requireNonNull(partition, "partition is null"));
        this.alreadyEmitted = requireNonNull(start, "start is null");
        this.tombstones = tombstones;
        this.sink = requireNonNull(sink, "sink is null");
        this.schemaChanges = requireNonNull(schemaChanges, "schemaChanges is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.types = requireNonNull(types, "types is null");
        this.incremental = requireNonNull(incremental, "incremental is null");
        this.resumeLsn = start.resumeLsn();
        this.lastEmitted = start;
    }

    /** Handles one message; {@code messageLsn} is the WAL position the server sent with it. */
    public void handle(PgOutputMessage message, long messageLsn) throws InterruptedException, SQLException {
        if (message instanceof Begin begin) {
            transaction = new Transaction(begin.transactionId(), begin.finalLsn(), begin.commitTimeMicros() / 1_000);
        } else if (message instanceof Commit commit) {
            commit(commit);
        } else if (message instanceof Relation relation) {
            relation(relation);
        } else if (message instanceof PgOutputMessage.Type) {
            types.reload();
        } else if (message instanceof Insert insert && incremental.isSignal(insert.relationId())) {
            requireTransaction("signal").changeIndex++;
            incremental.onSignalRow(insert.newTuple());
        } else if (message instanceof Insert insert) {
            change(insert.relationId(), (table, index) -> insert(table, insert, index, messageLsn));
        } else if (message instanceof Update update) {
            change(update.relationId(), (table, index) -> update(table, update, index, messageLsn));
        } else if (message instanceof Delete delete) {
            change(delete.relationId(), (table, index) -> delete(table, delete, index, messageLsn));
        } else if (message instanceof Truncate truncate) {
            truncate(truncate, messageLsn);
        } else if (message instanceof LogicalMessage logical) {
            logicalMessage(logical);
        } else if (message instanceof PgOutputMessage.Origin origin) {
            LOG.debug("Transaction replicated from origin {}", origin.name());
        }
    }

    /** True between a Begin and its Commit. */
    public boolean inTransaction() {
        return transaction != null;
    }

    /** The offset a heartbeat may carry now (outside transactions): nothing after it was left unemitted. */
    public Map<String, Object> heartbeatOffset() {
        return withSnapshotState(streamOffset());
    }

    private Map<String, Object> streamOffset() {
        return new PostgresOffset(resumeLsn, lastEmitted.commitLsn(), lastEmitted.index(), lastEmitted.transactionId()).toMap();
    }

    /** Every offset carries the state of a running re-snapshot, so a restart resumes it. */
    private Map<String, Object> withSnapshotState(Map<String, Object> offset) {
        Map<String, Object> keys = incremental.offsetKeys();
        if (keys.isEmpty()) {
            return offset;
        }
        Map<String, Object> merged = new LinkedHashMap<>(offset);
        merged.putAll(keys);
        return merged;
    }

    /** Where streaming would resume now. */
    public long resumeLsn() {
        return resumeLsn;
    }

    private void commit(Commit commit) throws InterruptedException {
        Transaction done = requireTransaction("COMMIT");
        flushPending(commit.endLsn());
        resumeLsn = commit.endLsn();
        lastCommitLsn = done.commitLsn;
        transaction = null;
    }

    private void relation(Relation relation) throws SQLException, InterruptedException {
        if (incremental.onRelation(relation)) {
            relations.ignore(relation.relationId());
            return;
        }
        long position = nextPosition();
        Optional<RelationRegistry.SchemaUpdate> update = relations.onRelation(relation, position);
        if (update.isEmpty()) {
            return;
        }
        flushPending(resumeLsn);
        RelationRegistry.SchemaUpdate change = update.get();
        CapturedTable table = change.table();
        Optional<SourceRecord> record = schemaChanges.changed(change.tableOid(), change.previous().orElse(null), table.schema(),
                change.ddl(), change.renames(), schemaEventSource(relation.namespace(), relation.name(), position),
                System.currentTimeMillis());
        if (record.isPresent()) {
            LOG.info("Schema of {} {} at LSN {}: version {}{}", table.displayName(), change.previous().isEmpty() ? "first seen"
                    : "changed", Lsn.format(position >>> 16), table.schema().version(), change.ddl().map(ddl -> " after " + ddl)
                    .orElse(""));
            sink.accept(record.get());
        }
    }

    private void ddlMessage(LogicalMessage message) throws InterruptedException {
        DdlMessage ddl;
        try {
            ddl = DdlMessage.parse(message.content());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a DDL message at LSN {} that cannot be read: {}", Lsn.format(message.lsn()), e.getMessage());
            return;
        }
        LOG.debug("DDL message at LSN {}: {}", Lsn.format(message.lsn()), ddl);
        if (!ddl.isDrop()) {
            relations.onDdl(ddl);
            return;
        }
        Optional<RelationRegistry.TableDrop> drop = relations.onDrop(ddl);
        if (drop.isEmpty()) {
            return;
        }
        flushPending(resumeLsn);
        long position = nextPosition();
        TableId table = drop.get().table();
        LOG.info("Table {} dropped at LSN {}", table.displayName(), Lsn.format(position >>> 16));
        sink.accept(schemaChanges.dropped(drop.get().tableOid(), table, position, drop.get().ddl(),
                schemaEventSource(table.schema().orElseThrow(), table.table(), position), System.currentTimeMillis()));
    }

    /** The position of the next change: schema events carry the position from which the new schema holds. */
    private long nextPosition() {
        return transaction == null ? SourcePosition.postgres(resumeLsn, 0)
                : SourcePosition.postgres(transaction.commitLsn, transaction.changeIndex + 1);
    }

    private Struct schemaEventSource(String schema, String table, long position) {
        long commitMillis = transaction == null ? System.currentTimeMillis() : transaction.commitMillis;
        return sourceInfo.streamed(schema, table, commitMillis, transaction == null ? 0 : transaction.transactionId,
                transaction == null ? resumeLsn : transaction.commitLsn, lastCommitLsn, position).struct();
    }

    /** Builds the records of one captured change once its offset is known. */
    @FunctionalInterface
    private interface ChangeBuilder {
        Function<Map<String, ?>, List<SourceRecord>> build(CapturedTable table, long index);
    }

    private void change(int relationId, ChangeBuilder builder) throws InterruptedException {
        Transaction current = requireTransaction("change");
        long index = ++current.changeIndex;
        Optional<CapturedTable> table = relations.table(relationId);
        if (table.isEmpty()) {
            return;
        }
        current.countEvent(table.get());
        if (alreadyEmitted.alreadyEmitted(current.commitLsn, index)) {
            current.orders.remove(index);
            return;
        }
        hold(index, builder.build(table.get(), index));
    }

    private void truncate(Truncate truncate, long messageLsn) throws InterruptedException {
        Transaction current = requireTransaction("TRUNCATE");
        long index = ++current.changeIndex;
        Map<Integer, CapturedTable> tables = new LinkedHashMap<>();
        for (int relationId : truncate.relationIds()) {
            relations.table(relationId).ifPresent(table -> tables.put(relationId, table));
        }
        if (tables.isEmpty()) {
            return;
        }
        tables.values().forEach(current::countEvent);
        tables.values().forEach(table -> incremental.onTruncate(table.schema().id()));
        if (alreadyEmitted.alreadyEmitted(current.commitLsn, index)) {
            current.orders.remove(index);
            return;
        }
        flushPending(resumeLsn);
        long position = SourcePosition.postgres(current.commitLsn, index);
        for (Map.Entry<Integer, CapturedTable> entry : tables.entrySet()) {
            CapturedTable table = entry.getValue();
            sink.accept(schemaChanges.truncated(Integer.toUnsignedLong(entry.getKey()), table.schema(), position,
                    truncateStatement(table, truncate.options()), schemaEventSource(table.schema().id().schema().orElseThrow(),
                            table.schema().id().table(), position), System.currentTimeMillis()));
        }
        hold(index, offset -> {
            List<SourceRecord> records = new ArrayList<>();
            for (CapturedTable table : tables.values()) {
                records.add(table.records().truncate(context(table, index, messageLsn, offset)));
            }
            return records;
        });
    }

    /** The TRUNCATE statement rebuilt from the message: event triggers do not see TRUNCATE. */
    private static String truncateStatement(CapturedTable table, int options) {
        return "TRUNCATE TABLE " + Sql.quote(table.schema().id().schema().orElseThrow()) + "." + Sql.quote(table.schema().id().table())
                + ((options & 2) != 0 ? " RESTART IDENTITY" : "") + ((options & 1) != 0 ? " CASCADE" : "");
    }

    private void logicalMessage(LogicalMessage message) throws InterruptedException, SQLException {
        if (HEARTBEAT_PREFIX.equals(message.prefix()) && !message.transactional() && transaction == null) {
            resumeLsn = Math.max(resumeLsn, message.lsn());
        } else if (DdlCaptureTrigger.MESSAGE_PREFIX.equals(message.prefix()) && message.transactional() && transaction != null) {
            ddlMessage(message);
        } else if (!message.transactional() && transaction == null) {
            incremental.onMessage(message, streamOffset());
        }
    }

    private Function<Map<String, ?>, List<SourceRecord>> insert(CapturedTable table, Insert insert, long index, long lsn) {
        RowImage after = table.row(insert.newTuple(), null);
        Struct key = table.key(insert.newTuple());
        incremental.onChange(table, insert.newTuple());
        return offset -> List.of(withToastHeader(table.records().create(key, after.struct(), context(table, index, lsn, offset)), after));
    }

    private Function<Map<String, ?>, List<SourceRecord>> update(CapturedTable table, Update update, long index, long lsn) {
        TupleData old = update.oldTuple();
        RowImage after = table.row(update.newTuple(), old != null && !update.oldIsKeyOnly() ? old : null);
        Struct before = old == null ? null : table.row(old, null).struct();
        Struct key = table.key(update.newTuple());
        Struct oldKey = old == null ? key : table.key(old);
        incremental.onChange(table, update.newTuple());
        incremental.onChange(table, old);
        ChangeRecordFactory records = table.records();
        if (key != null && !key.equals(oldKey)) {
            // a primary key change is a delete of the old key and a create of the new one, as in Debezium
            return offset -> {
                EventContext context = context(table, index, lsn, offset);
                SourceRecord delete = records.delete(oldKey, before, context);
                List<SourceRecord> out = new ArrayList<>(List.of(delete));
                if (tombstones) {
                    out.add(records.tombstone(delete));
                }
                out.add(withToastHeader(records.create(key, after.struct(), context), after));
                return out;
            };
        }
        return offset -> List.of(withToastHeader(records.update(key, before, after.struct(), context(table, index, lsn, offset)), after));
    }

    private Function<Map<String, ?>, List<SourceRecord>> delete(CapturedTable table, Delete delete, long index, long lsn) {
        Struct before = table.row(delete.oldTuple(), null).struct();
        Struct key = table.key(delete.oldTuple());
        incremental.onChange(table, delete.oldTuple());
        return offset -> {
            SourceRecord record = table.records().delete(key, before, context(table, index, lsn, offset));
            return tombstones && key != null ? List.of(record, table.records().tombstone(record)) : List.of(record);
        };
    }

    private static SourceRecord withToastHeader(SourceRecord record, RowImage image) {
        if (!image.unchangedToast().isEmpty()) {
            record.headers().addString(UNCHANGED_TOAST_HEADER, String.join(",", image.unchangedToast()));
        }
        return record;
    }

    private EventContext context(CapturedTable table, long index, long lsn, Map<String, ?> offset) {
        Transaction current = transaction;
        long position = SourcePosition.postgres(current.commitLsn, index);
        SourceInfo source = sourceInfo.streamed(table.schema().id().schema().orElseThrow(), table.schema().id().table(),
                current.commitMillis, current.transactionId, lsn, lastCommitLsn, position);
        Order order = current.orders.get(index).get(table.topic());
        TransactionBlock block = new TransactionBlock(current.transactionId + ":" + current.commitLsn, order.total, order.perTable);
        return new EventContext(partition, offset, source, block);
    }

    private void hold(long index, Function<Map<String, ?>, List<SourceRecord>> records) throws InterruptedException {
        flushPending(resumeLsn);
        pending = new Pending(index, records);
    }

    /** Emits the held change with the offset resuming at {@code resumeAt}. */
    private void flushPending(long resumeAt) throws InterruptedException {
        if (pending == null) {
            return;
        }
        Transaction current = transaction;
        PostgresOffset offset = new PostgresOffset(resumeAt, current.commitLsn, pending.index, current.transactionId);
        for (SourceRecord record : pending.records.apply(withSnapshotState(offset.toMap()))) {
            sink.accept(record);
        }
        heartbeat.changeEmitted();
        current.orders.remove(pending.index);
        lastEmitted = offset;
        pending = null;
    }

    private Transaction requireTransaction(String what) {
        if (transaction == null) {
            throw new IllegalStateException("pgoutput sent a " + what + " outside a transaction (after LSN " + Lsn.format(resumeLsn) + ")");
        }
        return transaction;
    }

    private record Pending(long index, Function<Map<String, ?>, List<SourceRecord>> records) {
    }

    /** Debezium's transaction block orders of one event. */
    private record Order(long total, long perTable) {
    }

    /** The transaction being received. */
    private static final class Transaction {
        final long transactionId;
        final long commitLsn;
        final long commitMillis;
        long changeIndex = -1;
        long totalOrder;
        final Map<String, Long> perTable = new HashMap<>();
        /** Orders by change index and topic, counted for every captured change (also skipped ones). */
        final Map<Long, Map<String, Order>> orders = new HashMap<>();

        Transaction(long transactionId, long commitLsn, long commitMillis) {
            this.transactionId = transactionId;
            this.commitLsn = commitLsn;
            this.commitMillis = commitMillis;
        }

        void countEvent(CapturedTable table) {
            long perTableOrder = perTable.merge(table.topic(), 1L, Long::sum);
            orders.computeIfAbsent(changeIndex, index -> new HashMap<>()).put(table.topic(), new Order(++totalOrder, perTableOrder));
        }
    }
}
