package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.ddl.DdlOutcome;
import dev.cdc.source.mysql.ddl.DdlParseException;
import dev.cdc.source.mysql.ddl.DdlParser;
import dev.cdc.source.mysql.ddl.DdlStatement;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.ddl.SchemaChanges;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.types.MySqlTable;
import java.io.Serializable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns binlog events, in binlog order, into change records; owned by the binlog reader thread.
 *
 * <h2>Steps per event</h2>
 * <ol>
 * <li>ROTATE: the file name of the following positions.</li>
 * <li>GTID (MariaDB or MySQL), or BEGIN without GTIDs: a transaction starts at this event.</li>
 * <li>TABLE_MAP: remembered by table id; a captured table the catalog does not know is defined from it.</li>
 * <li>WRITE/UPDATE/DELETE rows of a captured table: one record per row ({@code c}, {@code u},
 *     {@code d} plus tombstone; a primary-key change is a delete, tombstone and create, as in Debezium).</li>
 * <li>QUERY with DDL: applied to the catalog; schema-change records; TRUNCATE gives {@code op=t}.</li>
 * <li>XID or COMMIT: the transaction's GTID joins the completed set.</li>
 * </ol>
 * Resuming skips what {@link BinlogOffset} says was emitted of the first transaction. An event
 * that cannot be decoded stops the reader with table, position and reason, unless
 * {@code event.deserialization.failure.handling.mode} says to warn or skip.
 */
public final class BinlogEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogEventHandler.class);

    private final StreamingSettings settings;
    private final SchemaCatalog catalog;
    private final TableMapReader tableMapReader;
    private final RecordMaker records;
    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private final GtidTracker completedGtids;
    private final GtidFlavor gtidFlavor;

    private String file;
    private long fileNumber;
    /** The offset to resume the current transaction from: its start and the GTIDs completed before it. */
    private BinlogOffset transactionStart;
    private String transactionGtid;
    private boolean inTransaction;
    /** Rows events and DDL statements of the current transaction handled so far. */
    private int eventIndex;
    private BinlogOffset skip;
    /** Inside a MySQL compressed transaction payload: rows of it handled so far; -1 outside. */
    private int payloadRows = -1;

    public BinlogEventHandler(StreamingSettings settings, SchemaCatalog catalog, TableMapReader tableMapReader, RecordMaker records,
            BinlogOffset start, GtidFlavor gtidFlavor) {
        this.settings = requireNonNull(settings, "settings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tableMapReader = requireNonNull(tableMapReader, "tableMapReader is null");
        this.records = requireNonNull(records, "records is null");
        requireNonNull(start, "start is null");
        this.gtidFlavor = requireNonNull(gtidFlavor, "gtidFlavor is null");
        this.completedGtids = GtidTracker.of(gtidFlavor, start.gtids());
        this.skip = start.eventsToSkip() > 0 || start.rowsToSkip() > 0 ? start : null;
        this.transactionStart = BinlogOffset.at(start.file(), start.position(), start.gtids());
        setFile(start.file());
    }

    /** Where a restart would resume now: the start of the current or next transaction. */
    public BinlogOffset offset() {
        return transactionStart;
    }

    public void handle(Event event) throws InterruptedException {
        EventHeaderV4 header = event.getHeader();
        EventData data = event.getData();
        try {
            dispatch(header, data);
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            failed(header, data, e);
        }
    }

    private void dispatch(EventHeaderV4 header, EventData data) throws InterruptedException {
        if (data instanceof RotateEventData rotate) {
            setFile(rotate.getBinlogFilename());
            if (!inTransaction) {
                transactionStart = BinlogOffset.at(file, Math.max(4, rotate.getBinlogPosition()), gtidsOrNull());
            }
        } else if (data instanceof MariadbGtidEventData gtid) {
            // the server id of a MariaDB GTID is the one of the event header; the event body does not carry it
            begin(header, gtid.getDomainId() + "-" + header.getServerId() + "-" + gtid.getSequence());
        } else if (data instanceof GtidEventData gtid) {
            begin(header, gtid.getGtid());
        } else if (data instanceof TableMapEventData tableMap) {
            tableMaps.put(tableMap.getTableId(), tableMap);
        } else if (data instanceof WriteRowsEventData write) {
            rows(header, write.getTableId(), RowChange.inserts(write.getRows(), write.getIncludedColumns()));
        } else if (data instanceof UpdateRowsEventData update) {
            rows(header, update.getTableId(), RowChange.updates(update.getRows(), update.getIncludedColumnsBeforeUpdate(),
                    update.getIncludedColumns()));
        } else if (data instanceof DeleteRowsEventData delete) {
            rows(header, delete.getTableId(), RowChange.deletes(delete.getRows(), delete.getIncludedColumns()));
        } else if (data instanceof QueryEventData query) {
            query(header, query);
        } else if (data instanceof XidEventData) {
            commit(header);
        } else if (data instanceof TransactionPayloadEventData payload) {
            payload(header, payload);
        }
    }

    /**
     * A MySQL 8 compressed transaction ({@code binlog_transaction_compression=ON}): its events are
     * handled in order, all at the payload's position, with row indexes counted across the
     * payload (positions saturate at the payload's last byte, see {@link SourcePosition}).
     */
    private void payload(EventHeaderV4 outer, TransactionPayloadEventData payload) throws InterruptedException {
        payloadRows = 0;
        try {
            for (Event inner : payload.getUncompressedEvents()) {
                EventHeaderV4 innerHeader = inner.getHeader();
                EventHeaderV4 header = new EventHeaderV4();
                header.setEventType(innerHeader.getEventType());
                header.setTimestamp(outer.getTimestamp());
                header.setServerId(outer.getServerId());
                header.setEventLength(outer.getEventLength());
                header.setNextPosition(outer.getNextPosition());
                header.setFlags(innerHeader.getFlags());
                dispatch(header, inner.getData());
            }
        } finally {
            payloadRows = -1;
        }
    }

    private void setFile(String name) {
        this.file = name;
        this.fileNumber = SourcePosition.binlogFileNumber(name);
    }

    private void begin(EventHeaderV4 header, String gtid) {
        transactionStart = BinlogOffset.at(file, header.getPosition(), gtidsOrNull());
        transactionGtid = gtid;
        inTransaction = true;
        eventIndex = 0;
        records.beginTransaction(gtid);
    }

    private void commit(EventHeaderV4 header) {
        if (transactionGtid != null) {
            completedGtids.add(transactionGtid);
        }
        transactionGtid = null;
        inTransaction = false;
        eventIndex = 0;
        skip = null;
        transactionStart = BinlogOffset.at(file, header.getNextPosition(), gtidsOrNull());
        records.endTransaction();
    }

    private void query(EventHeaderV4 header, QueryEventData query) throws InterruptedException {
        String sql = query.getSql().trim();
        String upper = sql.length() > 16 ? sql.substring(0, 16).toUpperCase(Locale.ROOT) : sql.toUpperCase(Locale.ROOT);
        if (upper.equals("BEGIN") || upper.startsWith("XA START")) {
            if (transactionGtid == null) {
                transactionStart = BinlogOffset.at(file, header.getPosition(), gtidsOrNull());
                inTransaction = true;
                eventIndex = 0;
                records.beginTransaction(file + ":" + header.getPosition());
            }
            return;
        }
        if (upper.equals("COMMIT") || upper.startsWith("XA COMMIT") || upper.startsWith("XA END") || upper.startsWith("XA PREPARE")) {
            commit(header);
            return;
        }
        if (upper.startsWith("ROLLBACK") || upper.startsWith("SAVEPOINT") || upper.startsWith("RELEASE SAVEPOINT")) {
            return;
        }
        boolean skipped = isSkipped(0);
        eventIndex++;
        if (!skipped) {
            ddl(header, query, sql);
        }
        if (transactionGtid != null && !sqlStartsTransactionBody(upper)) {
            commit(header); // DDL is a transaction of its own
        }
    }

    private static boolean sqlStartsTransactionBody(String upper) {
        return upper.startsWith("INSERT") || upper.startsWith("UPDATE") || upper.startsWith("DELETE") || upper.startsWith("REPLACE");
    }

    private void ddl(EventHeaderV4 header, QueryEventData query, String sql) throws InterruptedException {
        String database = query.getDatabase() == null || query.getDatabase().isEmpty() ? null : query.getDatabase();
        DdlStatement statement;
        try {
            statement = DdlParser.parse(sql);
        } catch (DdlParseException e) {
            LOG.warn("Cannot parse the DDL at {}:{} (database {}); the tables it names are read again from the next table map: {}",
                    file, header.getPosition(), database, e.getMessage());
            return;
        }
        long position = SourcePosition.mysql(fileNumber, header.getPosition(), header.getNextPosition(), 0);
        DdlOutcome outcome = catalog.apply(statement, database, position);
        if (!outcome.changes().isEmpty()) {
            LOG.info("DDL at {}:{}: {}", file, header.getPosition(), outcome.changes().stream().map(SchemaChanges::describe).toList());
        }
        for (TableId undefined : outcome.undefinedTables()) {
            LOG.info("Table {} is defined by a statement whose columns the DDL does not give; it is read from its next table map",
                    undefined.displayName());
        }
        BinlogOffset after = BinlogOffset.at(file, header.getNextPosition(), gtidsAfter());
        records.schemaChanges(sql, outcome, new EventMeta(header, file, fileNumber, transactionGtid, database, 0), after,
                settings.filter());
    }

    /** The completed GTIDs once the current (DDL) transaction is done. */
    private String gtidsAfter() {
        GtidTracker copy = GtidTracker.of(gtidFlavor, completedGtids.toString());
        if (transactionGtid != null) {
            copy.add(transactionGtid);
        }
        String text = copy.toString();
        return text.isEmpty() ? null : text;
    }

    private void rows(EventHeaderV4 header, long tableId, List<RowChange> changes) throws InterruptedException {
        int index = eventIndex++;
        TableMapEventData tableMap = tableMaps.get(tableId);
        if (tableMap == null) {
            throw new IllegalStateException("no table map for table id " + tableId + " before its rows event");
        }
        if (!settings.filter().isTableCaptured(tableMap.getDatabase(), tableMap.getTable())) {
            return;
        }
        MySqlTable table = tableFor(tableMap);
        int firstRowIndex = Math.max(0, payloadRows);
        for (int row = 0; row < changes.size(); row++) {
            if (isSkipped(index, row)) {
                records.skipped(table);
                continue;
            }
            BinlogOffset offset = new BinlogOffset(transactionStart.file(), transactionStart.position(), transactionStart.gtids(), index,
                    row + 1);
            records.row(table, changes.get(row), new EventMeta(header, file, fileNumber, transactionGtid, tableMap.getDatabase(),
                    firstRowIndex + row), offset);
        }
        if (payloadRows >= 0) {
            payloadRows += changes.size();
        }
    }

    private MySqlTable tableFor(TableMapEventData tableMap) {
        MySqlTable known = catalog.table(tableMap.getDatabase(), tableMap.getTable()).orElse(null);
        if (known != null && known.columns().size() == tableMap.getColumnTypes().length) {
            return known;
        }
        MySqlTable fromBinlog = tableMapReader.read(tableMap);
        if (known == null) {
            LOG.info("Table {}.{} is not in the schema history; defined from its table map at {}: {}", tableMap.getDatabase(),
                    tableMap.getTable(), file, fromBinlog);
        } else {
            LOG.warn("Table {}.{} has {} columns in the schema history but {} in its table map at {}; the table map wins: {}",
                    tableMap.getDatabase(), tableMap.getTable(), known.columns().size(), tableMap.getColumnTypes().length, file,
                    fromBinlog);
        }
        catalog.define(fromBinlog);
        return fromBinlog;
    }

    /** Whether the row (or DDL, row 0) of the current event was emitted before the restart. */
    private boolean isSkipped(int index, int row) {
        if (skip == null) {
            return false;
        }
        if (index < skip.eventsToSkip()) {
            return true;
        }
        if (index == skip.eventsToSkip() && row < skip.rowsToSkip()) {
            return true;
        }
        return false;
    }

    private boolean isSkipped(int row) {
        return isSkipped(eventIndex, row);
    }

    private String gtidsOrNull() {
        String text = completedGtids.toString();
        return text.isEmpty() ? null : text;
    }

    private void failed(EventHeaderV4 header, EventData data, RuntimeException failure) {
        String table = "";
        if (data != null) {
            Long tableId = tableIdOf(data);
            TableMapEventData map = tableId == null ? null : tableMaps.get(tableId);
            table = map == null ? "" : " of table " + map.getDatabase() + "." + map.getTable();
        }
        String message = "cannot decode the " + header.getEventType() + " event at " + file + ":" + header.getPosition() + table + ": "
                + failure.getMessage();
        DecodingFailureMode mode = settings.failureMode();
        switch (mode) {
            case FAIL -> throw new ConnectException(message + " (to go on past such events, set"
                    + " event.deserialization.failure.handling.mode=warn or skip)", failure);
            case WARN -> LOG.warn("Skipping: {}", message, failure);
            case SKIP -> LOG.debug("Skipping: {}", message, failure);
        }
    }

    private static Long tableIdOf(EventData data) {
        if (data instanceof WriteRowsEventData write) {
            return write.getTableId();
        }
        if (data instanceof UpdateRowsEventData update) {
            return update.getTableId();
        }
        if (data instanceof DeleteRowsEventData delete) {
            return delete.getTableId();
        }
        return null;
    }

    /** One row of a rows event: before and after images (null where the operation has none). */
    public record RowChange(Serializable[] before, BitSet beforeColumns, Serializable[] after, BitSet afterColumns) {
        static List<RowChange> inserts(List<Serializable[]> rows, BitSet columns) {
            return rows.stream().map(row -> new RowChange(null, null, row, columns)).toList();
        }

        static List<RowChange> deletes(List<Serializable[]> rows, BitSet columns) {
            return rows.stream().map(row -> new RowChange(row, columns, null, null)).toList();
        }

        static List<RowChange> updates(List<Map.Entry<Serializable[], Serializable[]>> rows, BitSet before, BitSet after) {
            return rows.stream().map(row -> new RowChange(row.getKey(), before, row.getValue(), after)).toList();
        }
    }

    /** Where an event is: header, binlog file, GTID of its transaction, database, and the row index. */
    public record EventMeta(EventHeaderV4 header, String file, long fileNumber, String gtid, String database, int row) {
        /** The 63-bit source position of the row. */
        public long position() {
            return SourcePosition.mysql(fileNumber, header.getPosition(), header.getNextPosition(), row);
        }
    }
}
