package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import dev.cdc.core.event.Envelope;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.MySqlCharsets;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The handler fed with hand-made events of a MariaDB binlog: no server needed. */
class BinlogEventHandlerTest {
    private static final String FILE = "mysql-bin.000007";
    private final List<SourceRecord> records = new ArrayList<>();
    private long nextPosition = 4;

    private BinlogEventHandler handler(BinlogOffset start, DecodingFailureMode failureMode) {
        StreamingSettings settings = new StreamingSettings("shop", CaptureFilter.all(), true, BigintUnsignedMode.LONG, failureMode,
                ServerFlavor.MARIADB);
        SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
        return new BinlogEventHandler(settings, catalog, new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MARIADB),
                new RecordMaker(settings, catalog, records::add, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), start, GtidFlavor.MARIADB);
    }

    private Event event(EventType type, int length, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setServerId(1);
        header.setTimestamp(1_700_000_000_000L);
        header.setEventLength(length);
        nextPosition += length;
        header.setNextPosition(nextPosition);
        return new Event(header, data);
    }

    private Event gtid(long sequence) {
        MariadbGtidEventData data = new MariadbGtidEventData();
        data.setDomainId(0);
        data.setSequence(sequence);
        return event(EventType.MARIADB_GTID, 40, data);
    }

    private Event tableMap() {
        TableMapEventData map = new TableMapEventData();
        map.setTableId(17);
        map.setDatabase("shop");
        map.setTable("items");
        map.setColumnTypes(new byte[] {3, 15});
        map.setColumnMetadata(new int[] {0, 80});
        BitSet nullable = new BitSet();
        nullable.set(1);
        map.setColumnNullability(nullable);
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id", "name"));
        metadata.setColumnCharsets(List.of(45));
        metadata.setSignedness(new BitSet());
        metadata.setSimplePrimaryKeys(List.of(0));
        map.setEventMetadata(metadata);
        return event(EventType.TABLE_MAP, 60, map);
    }

    private Event insert(int... ids) {
        WriteRowsEventData write = new WriteRowsEventData();
        write.setTableId(17);
        BitSet columns = new BitSet();
        columns.set(0, 2);
        write.setIncludedColumns(columns);
        List<Serializable[]> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add(new Serializable[] {id, ("n" + id).getBytes(StandardCharsets.UTF_8)});
        }
        write.setRows(rows);
        return event(EventType.EXT_WRITE_ROWS, 100, write);
    }

    private Event xid() {
        return event(EventType.XID, 31, new XidEventData());
    }

    private Event query(String database, String sql) {
        QueryEventData query = new QueryEventData();
        query.setDatabase(database);
        query.setSql(sql);
        return event(EventType.QUERY, 80, query);
    }

    private Event rotate() {
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename(FILE);
        rotate.setBinlogPosition(4);
        return event(EventType.ROTATE, 0, rotate);
    }

    /** GTID 0-1-9, table map, one rows event of ids 1 and 2, a second of id 3, XID. */
    private List<Event> transaction() {
        nextPosition = 4;
        List<Event> events = new ArrayList<>();
        events.add(rotate());
        events.add(gtid(9));
        events.add(tableMap());
        events.add(insert(1, 2));
        events.add(insert(3));
        events.add(xid());
        return events;
    }

    private static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.AFTER);
    }

    @Test
    void rowsBecomeCreateRecordsWithPositionsAndResumeOffsets() throws InterruptedException {
        BinlogEventHandler handler = handler(BinlogOffset.at(FILE, 4, "0-1-8"), DecodingFailureMode.FAIL);
        for (Event event : transaction()) {
            handler.handle(event);
        }

        assertThat(records).extracting(record -> after(record).getInt32("id")).containsExactly(1, 2, 3);
        assertThat(after(records.get(0)).getString("name")).isEqualTo("n1");
        assertThat(records).extracting(SourceRecord::sourceOffset).containsExactly(
                new BinlogOffset(FILE, 4, "0-1-8", 0, 1).toMap(),
                new BinlogOffset(FILE, 4, "0-1-8", 0, 2).toMap(),
                new BinlogOffset(FILE, 4, "0-1-8", 1, 1).toMap());
        Struct source = ((Struct) records.get(1).value()).getStruct(Envelope.SOURCE);
        assertThat(source.getInt64("pos")).isEqualTo(104);
        assertThat(source.getInt32("row")).isEqualTo(1);
        assertThat(source.getString("gtid")).isEqualTo("0-1-9");
        assertThat(source.getInt64("position")).isEqualTo(SourcePosition.mysql(7, 104, 204, 1));
        assertThat(records.get(0).topic()).isEqualTo("shop.shop.items");
        assertThat(handler.offset()).isEqualTo(BinlogOffset.at(FILE, 335, "0-1-9")).as("after the XID, with its GTID completed");
    }

    @Test
    void resumeSkipsWhatWasEmittedAndKeepsTheTransactionOrder() throws InterruptedException {
        BinlogEventHandler handler = handler(new BinlogOffset(FILE, 4, "0-1-8", 0, 1), DecodingFailureMode.FAIL);
        for (Event event : transaction()) {
            handler.handle(event);
        }

        assertThat(records).extracting(record -> after(record).getInt32("id")).containsExactly(2, 3);
        Struct transaction = ((Struct) records.get(0).value()).getStruct(Envelope.TRANSACTION);
        assertThat(transaction.getInt64("total_order")).isEqualTo(2);
        assertThat(transaction.getString("id")).isEqualTo("0-1-9");
    }

    @Test
    void resumeAfterAWholeRowsEvent() throws InterruptedException {
        BinlogEventHandler handler = handler(new BinlogOffset(FILE, 4, "0-1-8", 1, 0), DecodingFailureMode.FAIL);
        for (Event event : transaction()) {
            handler.handle(event);
        }

        assertThat(records).extracting(record -> after(record).getInt32("id")).containsExactly(3);
    }

    @Test
    void ddlChangesTheSchemaOfLaterRowsAndIsAnEventOfItsOwn() throws InterruptedException {
        BinlogEventHandler handler = handler(BinlogOffset.at(FILE, 4, null), DecodingFailureMode.FAIL);
        nextPosition = 4;
        handler.handle(rotate());
        handler.handle(gtid(1));
        handler.handle(query("shop", "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))"));

        assertThat(records).singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("shop.schema-changes"));
        assertThat(handler.offset()).isEqualTo(BinlogOffset.at(FILE, 124, "0-1-1"));
        assertThat(records.get(0).sourceOffset()).isEqualTo(BinlogOffset.at(FILE, 124, "0-1-1").toMap());
    }

    @Test
    void undecodableEventStopsWithTableAndPosition() {
        BinlogEventHandler handler = handler(BinlogOffset.at(FILE, 4, null), DecodingFailureMode.FAIL);

        assertThatThrownBy(() -> {
            for (Event event : List.of(rotate(), gtid(1), insert(1))) {
                handler.handle(event);
            }
        }).isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("cannot decode the EXT_WRITE_ROWS event at mysql-bin.000007:44: no table map for table id 17")
                .hasMessageContaining("event.deserialization.failure.handling.mode=warn or skip");
    }

    @Test
    void undecodableEventIsSkippedWhenConfigured() throws InterruptedException {
        BinlogEventHandler handler = handler(BinlogOffset.at(FILE, 4, null), DecodingFailureMode.SKIP);
        nextPosition = 4;
        for (Event event : List.of(rotate(), gtid(1), insert(1), tableMap(), insert(2), xid())) {
            handler.handle(event);
        }

        assertThat(records).extracting(record -> after(record).getInt32("id")).containsExactly(2);
    }

    @Test
    void mySqlCompressedTransactionPayload() throws InterruptedException {
        StreamingSettings settings = new StreamingSettings("shop", CaptureFilter.all(), true, BigintUnsignedMode.LONG,
                DecodingFailureMode.FAIL, ServerFlavor.MYSQL);
        SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        BinlogEventHandler handler = new BinlogEventHandler(settings, catalog, new TableMapReader(MySqlCharsets.builtIn(),
                ServerFlavor.MYSQL), new RecordMaker(settings, catalog, records::add, Clock.systemUTC()),
                BinlogOffset.at(FILE, 4, uuid + ":1-4"), GtidFlavor.MYSQL);
        nextPosition = 4;
        handler.handle(rotate());
        com.github.shyiko.mysql.binlog.event.GtidEventData gtid = new com.github.shyiko.mysql.binlog.event.GtidEventData();
        gtid.setGtid(uuid + ":5");
        handler.handle(event(EventType.GTID, 79, gtid));
        com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData payload =
                new com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData();
        long payloadStart = nextPosition;
        payload.setUncompressedEvents(new ArrayList<>(List.of(tableMap(), insert(1, 2), insert(3), xid())));
        nextPosition = payloadStart;
        handler.handle(event(EventType.TRANSACTION_PAYLOAD, 120, payload));

        assertThat(records).extracting(record -> after(record).getInt32("id")).containsExactly(1, 2, 3);
        assertThat(records).extracting(record -> ((Struct) record.value()).getStruct(Envelope.SOURCE).getInt32("row"))
                .containsExactly(0, 1, 2);
        assertThat(records).extracting(record -> ((Struct) record.value()).getStruct(Envelope.SOURCE).getInt64("position"))
                .containsExactly(SourcePosition.mysql(7, payloadStart, payloadStart + 120, 0),
                        SourcePosition.mysql(7, payloadStart, payloadStart + 120, 1),
                        SourcePosition.mysql(7, payloadStart, payloadStart + 120, 2));
        assertThat(((Struct) records.get(0).value()).getStruct(Envelope.SOURCE).getString("gtid")).isEqualTo(uuid + ":5");
        assertThat(records.get(2).sourceOffset()).isEqualTo(new BinlogOffset(FILE, 4, uuid + ":1-4", 1, 1).toMap());
        assertThat(handler.offset()).isEqualTo(BinlogOffset.at(FILE, payloadStart + 120, uuid + ":1-5"));
    }

    @Test
    void tablesOutsideTheFilterAreNotEmitted() throws InterruptedException {
        StreamingSettings settings = new StreamingSettings("shop", new CaptureFilter(List.of("other"), List.of(), List.of(), List.of(),
                List.of()), true, BigintUnsignedMode.LONG, DecodingFailureMode.FAIL, ServerFlavor.MARIADB);
        SchemaCatalog catalog = new SchemaCatalog("utf8mb4");
        BinlogEventHandler handler = new BinlogEventHandler(settings, catalog, new TableMapReader(MySqlCharsets.builtIn(),
                ServerFlavor.MARIADB), new RecordMaker(settings, catalog, records::add, Clock.systemUTC()), BinlogOffset.at(FILE, 4, null),
                GtidFlavor.MARIADB);
        for (Event event : transaction()) {
            handler.handle(event);
        }

        assertThat(records).isEmpty();
    }
}
