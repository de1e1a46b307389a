package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.offset.StreamOffset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each binlog event on the reader thread: tracks the file, the transaction and the GTID
 * set; turns rows events of captured tables into {@code c}/{@code u}/{@code d} records (plus
 * tombstones); hands statements outside transactions (DDL, TRUNCATE) to the {@link DdlEventHandler};
 * keeps the stream offset moving on every event, captured or not; and enqueues heartbeats.
 *
 * <h2>Algorithm, per event (holding the emitter's lock)</h2>
 * <ol>
 *   <li>Position: the event starts at {@code nextPosition - eventLength} and ends at {@code nextPosition}.</li>
 *   <li>A GTID event (MariaDB: unless standalone) or a {@code BEGIN} opens a transaction at the start of
 *   its first event; on restart, the transaction at the stored offset skips the {@code event}
 *   rows events and {@code row} rows already emitted.</li>
 *   <li>A rows event: decode each row with the table map's binding; every record carries
 *   {@code SourcePosition.mysql(file number, event start, event end, row index)} and an offset
 *   pointing at the transaction's start with the counts to skip. The records are held until the
 *   next event, so that the last record of a transaction gets the offset after its {@code XID}. Records
 *   of a row that do not complete it (a delete before its tombstone, the delete half of a
 *   primary-key change) carry the offset that emits the row again.</li>
 *   <li>Rows inserted into the signal table go to the {@link SignalChannel} (signals, chunk watermarks)
 *   and never become records; they count as rows events of their transaction like any other.</li>
 *   <li>{@code XID}/{@code COMMIT}: enqueue the held records, the GTID joins the set, the offset
 *   moves past the transaction.</li>
 *   <li>Outside a transaction every event moves the offset to its end, so an idle connector's
 *   heartbeats carry the end of the binlog.</li>
 * </ol>
 */
public final class BinlogEventDispatcher implements BinaryLogClient.EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogEventDispatcher.class);

    private final RecordEmitter emitter;
    private final TableMapCache tables;
    private final MySqlSourceInfo sourceInfo;
    private final GtidTracker gtids;
    private final StreamChangeObserver observer;
    private final DdlEventHandler ddl;
    private final SignalChannel signals;
    private final Map<String, ?> partition;
    private final boolean tombstones;
    private final DecodingFailureMode failureMode;
    private final Consumer<Throwable> failure;

    private final List<PendingChange> pending = new ArrayList<>();
    private String file;
    private StreamOffset resumeSkip;
    private TransactionState transaction;
    private String pendingGtid;
    private long pendingGroupStart = -1;
    private PayloadPosition payload;
    private volatile boolean failed;

    public BinlogEventDispatcher(Settings settings, RecordEmitter emitter, TableMapCache tables, GtidTracker gtids,
            StreamChangeObserver observer, DdlEventHandler ddl, Consumer<Throwable> failure) {
        this(settings, emitter, tables, gtids, observer, ddl, SignalChannel.NONE, failure);
    }

    /** @param signals the signal table, whose rows are signals and never change events */
    public BinlogEventDispatcher(Settings settings, RecordEmitter emitter, TableMapCache tables, GtidTracker gtids,
            StreamChangeObserver observer, DdlEventHandler ddl, SignalChannel signals, Consumer<Throwable> failure) {
        requireNonNull(settings, "settings is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.emitter = requireNonNull(emitter, "emitter is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.gtids = requireNonNull(gtids, "gtids is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.ddl = requireNonNull(ddl, "ddl is null");
        this.failure = requireNonNull(failure, "failure is null");
        this.sourceInfo = new MySqlSourceInfo(settings.serverName());
        this.partition = settings.partition();
        this.tombstones = settings.tombstones();
        this.failureMode = settings.failureMode();
        StreamOffset start = emitter.current();
        this.file = start.file();
        this.resumeSkip = start.event() == 0 && start.row() == 0 ? null : start;
    }

    /** What the dispatcher is told once. */
    public record Settings(String serverName, Map<String, ?> partition, boolean tombstones, DecodingFailureMode failureMode) {
        public Settings {
            requireNonNull(serverName, "serverName is null");
            requireNonNull(partition, "partition is null");
            requireNonNull(failureMode, "failureMode is null");
        }
    }

    @Override
    public void onEvent(Event event) {
        if (failed) {
            return;
        }
        try {
            emitter.lock();
            try {
                dispatch(event);
            } finally {
                emitter.unlock();
            }
        } catch (InterruptedException e) {
            failed = true;
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failed = true;
            failure.accept(e);
        }
    }

    /** Whether an event failed; later events are ignored until the reader restarts. */
    public boolean failed() {
        return failed;
    }

    private void dispatch(Event event) throws Exception {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        long end = header.getNextPosition();
        long start = end - header.getEventLength();
        switch (type) {
            case ROTATE -> rotate(event.getData());
            case MARIADB_GTID -> mariadbGtid(event.getData(), header.getServerId(), start);
            case GTID -> mysqlGtid(event.getData(), start);
            case QUERY -> query(event.getData(), header, start, end);
            case XID -> commit(end);
            case TABLE_MAP -> {
                flush(null);
                tableMap((TableMapEventData) event.getData());
            }
            case WRITE_ROWS, EXT_WRITE_ROWS, UPDATE_ROWS, EXT_UPDATE_ROWS, DELETE_ROWS, EXT_DELETE_ROWS -> rows(event, header, start, end);
            case TRANSACTION_PAYLOAD -> transactionPayload(event.getData(), header, start, end);
            case HEARTBEAT -> flush(null);
            default -> flush(null);
        }
        if (type != EventType.ROTATE && type != EventType.HEARTBEAT && end > 0) {
            if (transaction == null) {
                boundary(new BinlogPosition(file, end));
            }
            emitter.readerAt(new BinlogPosition(file, end));
        }
        emitter.heartbeatIfDue();
    }

    private void rotate(RotateEventData rotate) {
        flush(null);
        file = rotate.getBinlogFilename();
        BinlogPosition next = new BinlogPosition(file, rotate.getBinlogPosition());
        if (transaction == null) {
            boundary(next);
        }
        emitter.readerAt(next);
    }

    /** The server id of a MariaDB GTID is the event header's; the library leaves the event's own at 0. */
    private void mariadbGtid(MariadbGtidEventData data, long serverId, long start) {
        flush(null);
        String gtid = data.getDomainId() + "-" + serverId + "-" + data.getSequence();
        if ((data.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0) {
            pendingGtid = gtid;
            pendingGroupStart = start;
        } else {
            begin(start, gtid, null);
        }
    }

    private void mysqlGtid(GtidEventData data, long start) {
        flush(null);
        pendingGtid = data.getMySqlGtid() != null ? data.getMySqlGtid().toString() : data.getGtid();
        pendingGroupStart = start;
    }

    private void query(QueryEventData data, EventHeaderV4 header, long start, long end) throws Exception {
        String sql = data.getSql().trim();
        String upper = sql.length() > 16 ? sql.substring(0, 16).toUpperCase(Locale.ROOT) : sql.toUpperCase(Locale.ROOT);
        if (upper.equals("BEGIN") || upper.startsWith("XA START")) {
            flush(null);
            if (transaction == null) {
                begin(pendingGroupStart >= 0 ? pendingGroupStart : start, pendingGtid, data.getThreadId());
            } else {
                transaction.thread(data.getThreadId());
            }
        } else if (upper.equals("COMMIT") || upper.equals("ROLLBACK") || upper.startsWith("XA COMMIT") || upper.startsWith("XA ROLLBACK")) {
            commit(end);
        } else if (transaction != null) {
            flush(null);
        } else {
            flush(null);
            statement(data, header, start, end);
        }
    }

    private void begin(long groupStart, String gtid, Long thread) {
        flush(null);
        transaction = new TransactionState(file, groupStart, gtid, gtids.current(), thread);
        pendingGtid = null;
        pendingGroupStart = -1;
        if (resumeSkip != null && !transaction.beganAt(resumeSkip.file(), resumeSkip.pos())) {
            LOG.warn("Step 2: the first transaction after the restart begins at {}:{}, not at the stored offset {}; nothing is skipped",
                    file, groupStart, resumeSkip);
            resumeSkip = null;
        }
        emitter.advance(resumeSkip != null ? transaction.offset(resumeSkip.event(), resumeSkip.row()) : transaction.offset(0, 0));
    }

    private void commit(long end) throws InterruptedException {
        if (transaction == null) {
            flush(null);
            return;
        }
        gtids.completed(transaction.gtid());
        StreamOffset after = StreamOffset.at(new BinlogPosition(file, end), gtids.current());
        flush(after);
        transaction = null;
        resumeSkip = null;
        payload = null;
        emitter.advance(after);
    }

    private void statement(QueryEventData data, EventHeaderV4 header, long start, long end) throws Exception {
        String gtid = pendingGtid;
        gtids.completed(gtid);
        StreamOffset after = StreamOffset.at(new BinlogPosition(file, end), gtids.current());
        long position = SourcePosition.mysql(SourcePosition.binlogFileNumber(file), start, end, 0);
        DdlEvent event = new DdlEvent(data.getSql(), data.getDatabase(), file, start, position, header.getServerId(), header.getTimestamp(),
                gtid, data.getThreadId(), emitter.offset(after));
        for (SourceRecord record : ddl.handle(event)) {
            emitter.emitChange(record);
        }
        pendingGtid = null;
        pendingGroupStart = -1;
        emitter.advance(after);
    }

    private void transactionPayload(TransactionPayloadEventData data, EventHeaderV4 header, long start, long end) throws Exception {
        payload = new PayloadPosition(start, end);
        try {
            for (Event inner : data.getUncompressedEvents()) {
                EventType type = inner.getHeader().getEventType();
                switch (type) {
                    case TABLE_MAP -> tableMap((TableMapEventData) inner.getData());
                    case QUERY -> query(inner.getData(), header, start, end);
                    case XID -> commit(end);
                    case WRITE_ROWS, EXT_WRITE_ROWS, UPDATE_ROWS, EXT_UPDATE_ROWS, DELETE_ROWS, EXT_DELETE_ROWS -> rows(inner, header, start, end);
                    default -> { }
                }
            }
        } finally {
            payload = null;
        }
    }

    private void tableMap(TableMapEventData map) {
        if (!signals.onTableMap(map)) {
            tables.onTableMap(map);
        }
    }

    private void rows(Event event, EventHeaderV4 header, long start, long end) throws InterruptedException {
        flush(null);
        if (transaction == null) {
            begin(pendingGroupStart >= 0 ? pendingGroupStart : start, pendingGtid, null);
        }
        long eventIndex = transaction.nextRowsEvent();
        RowsEvent rows = RowsEvent.of(event.getData());
        if (signals.isSignalTable(rows.tableNumber())) {
            if (event.getData() instanceof WriteRowsEventData inserted && rowsToSkip(eventIndex) == 0) {
                signals.inserted(inserted, new BinlogPosition(file, start));
            }
            return;
        }
        var binding = tables.forRows(rows.tableNumber());
        if (binding.isEmpty()) {
            return;
        }
        long skip = rowsToSkip(eventIndex);
        long rowBase = payload == null ? 0 : payload.takeRows(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (i < skip) {
                continue;
            }
            try {
                change(binding.get(), rows, i, header, start, end, rowBase + i, transaction.offset(eventIndex, i + 1L));
            } catch (DataException e) {
                undecodable(binding.get(), rows, i, start, e);
            }
        }
    }

    private long rowsToSkip(long eventIndex) {
        if (resumeSkip == null) {
            return 0;
        }
        if (eventIndex < resumeSkip.event()) {
            return Long.MAX_VALUE;
        }
        return eventIndex == resumeSkip.event() ? resumeSkip.row() : 0;
    }

    private void change(TableBinding binding, RowsEvent rows, int index, EventHeaderV4 header, long start, long end, long rowIndex,
            StreamOffset offset) {
        long position = SourcePosition.mysql(SourcePosition.binlogFileNumber(file), start, end, rowIndex);
        var source = sourceInfo.of(new MySqlSourceInfo.Event(header.getTimestamp(), SnapshotMarker.FALSE, binding.table().database(),
                binding.table().name(), header.getServerId(), transaction.gtid(), file, start, (int) Math.min(rowIndex, Integer.MAX_VALUE),
                transaction.thread(), null, position));
        String collection = binding.table().database() + "." + binding.table().name();
        Struct before = rows.before(index) == null ? null : binding.converter().row(rows.before(index), rows.beforeColumns());
        Struct after = rows.after(index) == null ? null : binding.converter().row(rows.after(index), rows.afterColumns());
        Struct keyBefore = before == null ? null : binding.converter().key(before);
        Struct keyAfter = after == null ? null : binding.converter().key(after);
        if (before != null && after != null && binding.hasKey() && !Objects.equals(keyBefore, keyAfter)) {
            // a primary-key change: a delete of the old key and a create of the new one, as Debezium emits it
            pending.add(new PendingChange(PendingChange.Kind.DELETE, binding, keyBefore, before, null, source, transaction.nextBlock(collection),
                    offset, tombstones, false));
            pending.add(new PendingChange(PendingChange.Kind.CREATE, binding, keyAfter, null, after, source, transaction.nextBlock(collection),
                    offset, tombstones, true));
        } else {
            PendingChange.Kind kind = before == null ? PendingChange.Kind.CREATE : after == null ? PendingChange.Kind.DELETE : PendingChange.Kind.UPDATE;
            pending.add(new PendingChange(kind, binding, after != null ? keyAfter : keyBefore, before, after, source,
                    transaction.nextBlock(collection), offset, tombstones, true));
        }
        if (keyBefore != null) {
            observer.changed(binding.id(), TableBinding.keyValues(keyBefore));
        }
        if (keyAfter != null && !keyAfter.equals(keyBefore)) {
            observer.changed(binding.id(), TableBinding.keyValues(keyAfter));
        }
        if (!binding.hasKey()) {
            observer.changed(binding.id(), null);
        }
    }

    private void undecodable(TableBinding binding, RowsEvent rows, int index, long start, DataException e) {
        String message = "cannot decode row " + index + " of the rows event at " + file + ":" + start + " of table "
                + binding.id().displayName() + ": " + e.getMessage();
        switch (failureMode) {
            case FAIL -> throw new DataException(message + " (set event.deserialization.failure.handling.mode=warn or skip to go on)", e);
            case WARN -> LOG.warn("{}; skipped as event.deserialization.failure.handling.mode=warn", message);
            case SKIP -> LOG.debug("{}; skipped", message);
        }
    }

    /** Enqueues the held records; with {@code afterCommit} the last gets the offset after the transaction. */
    private void flush(StreamOffset afterCommit) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            for (int i = 0; i < pending.size(); i++) {
                PendingChange change = pending.get(i);
                StreamOffset complete = afterCommit != null && i == pending.size() - 1 ? afterCommit : change.offset();
                List<SourceRecord> records = change.records(partition, emitter.offset(change.incompleteOffset()));
                for (int r = 0; r < records.size(); r++) {
                    boolean completes = change.completesRow() && r == records.size() - 1;
                    SourceRecord record = records.get(r);
                    emitter.emitChange(completes ? withOffset(record, emitter.offset(complete)) : record);
                }
                emitter.advance(change.completesRow() ? complete : change.incompleteOffset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enqueueing", e);
        } finally {
            pending.clear();
        }
    }

    private static SourceRecord withOffset(SourceRecord record, Map<String, ?> offset) {
        return new SourceRecord(record.sourcePartition(), offset, record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), record.headers());
    }

    private void boundary(BinlogPosition position) {
        if (position.isAtOrAfter(emitter.current().position()) && resumeSkip == null) {
            emitter.advance(StreamOffset.at(position, gtids.current()));
        }
    }

    /** Rows of a MySQL 8 compressed transaction share the payload event's position, numbered across its rows events. */
    private static final class PayloadPosition {
        private final long start;
        private final long end;
        private long rows;

        PayloadPosition(long start, long end) {
            this.start = start;
            this.end = end;
        }

        long takeRows(int count) {
            long base = rows;
            rows += count;
            return base;
        }
    }

    /** The rows of a write, update or delete event, as before/after images. */
    private record RowsEvent(long tableNumber, List<Serializable[]> befores, List<Serializable[]> afters, BitSet beforeColumns,
            BitSet afterColumns, int size) {
        static RowsEvent of(Object data) {
            if (data instanceof WriteRowsEventData write) {
                return new RowsEvent(write.getTableId(), null, write.getRows(), null, write.getIncludedColumns(), write.getRows().size());
            }
            if (data instanceof DeleteRowsEventData delete) {
                return new RowsEvent(delete.getTableId(), delete.getRows(), null, delete.getIncludedColumns(), null, delete.getRows().size());
            }
            UpdateRowsEventData update = (UpdateRowsEventData) data;
            List<Serializable[]> befores = update.getRows().stream().map(Map.Entry::getKey).toList();
            List<Serializable[]> afters = update.getRows().stream().map(Map.Entry::getValue).toList();
            return new RowsEvent(update.getTableId(), befores, afters, update.getIncludedColumnsBeforeUpdate(), update.getIncludedColumns(),
                    befores.size());
        }

        Serializable[] before(int index) {
            return befores == null ? null : befores.get(index);
        }

        Serializable[] after(int index) {
            return afters == null ? null : afters.get(index);
        }
    }
}
