package dev.cdc.source.mysql.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MySqlGtid;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import dev.cdc.core.config.HeartbeatConfig;
import dev.cdc.core.config.QueueConfig;
import dev.cdc.core.errors.ErrorClassifier;
import dev.cdc.core.event.Envelope;
import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.queue.ApproximateRecordSize;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.StreamOffset;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlCharsets;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher on a MySQL 8 transaction built by hand (GTID, BEGIN, table map, two rows, XID):
 * positions, transaction ids, the offsets that let a restart skip what was emitted, and the
 * offset after the commit.
 */
class BinlogEventDispatcherTest {
    private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final Map<String, String> PARTITION = Map.of("server", "t");

    private final ChangeEventQueue<SourceRecord> queue = new ChangeEventQueue<>("t", QueueConfig.defaults(), ApproximateRecordSize::of,
            ErrorClassifier.defaults());

    private RecordEmitter emitter(StreamOffset start) {
        return new RecordEmitter(queue, new OffsetContext(null), new Heartbeat(HeartbeatConfig.defaults(), "t", PARTITION, Clock.systemUTC()),
                start);
    }

    private BinlogEventDispatcher dispatcher(RecordEmitter emitter, CaptureFilter filter) {
        TableBinding.Factory bindings = new TableBinding.Factory("t", filter, new BinlogValueConverters(BigintUnsignedMode.LONG, true),
                BigintUnsignedMode.LONG, Clock.systemUTC());
        TableMapCache tables = new TableMapCache(new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MYSQL), filter, bindings);
        return new BinlogEventDispatcher(new BinlogEventDispatcher.Settings("t", PARTITION, true, DecodingFailureMode.FAIL), emitter, tables,
                new GtidTracker(GtidFlavor.MYSQL, UUID + ":1-22"), StreamChangeObserver.NONE, DdlEventHandler.NONE, error -> {
                    throw new AssertionError(error);
                });
    }

    private static void transaction(BinlogEventDispatcher dispatcher) {
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename("binlog.000007");
        rotate.setBinlogPosition(100);
        dispatcher.onEvent(event(EventType.ROTATE, 0, 0, rotate));
        dispatcher.onEvent(event(EventType.GTID, 100, 170, new GtidEventData(MySqlGtid.fromString(UUID + ":23"), (byte) 0, 0, 0, 0, 0, 0, 0, 0)));
        QueryEventData begin = new QueryEventData();
        begin.setSql("BEGIN");
        begin.setThreadId(42);
        dispatcher.onEvent(event(EventType.QUERY, 170, 250, begin));
        dispatcher.onEvent(event(EventType.TABLE_MAP, 250, 300, tableMap()));
        WriteRowsEventData rows = new WriteRowsEventData();
        rows.setTableId(9);
        BitSet columns = new BitSet();
        columns.set(0, 2);
        rows.setIncludedColumns(columns);
        rows.setRows(List.of(new Serializable[] {1, "one".getBytes(StandardCharsets.UTF_8)},
                new Serializable[] {2, "two".getBytes(StandardCharsets.UTF_8)}));
        dispatcher.onEvent(event(EventType.EXT_WRITE_ROWS, 300, 400, rows));
        dispatcher.onEvent(event(EventType.XID, 400, 431, new XidEventData()));
    }

    private static TableMapEventData tableMap() {
        TableMapEventData map = new TableMapEventData();
        map.setTableId(9);
        map.setDatabase("shop");
        map.setTable("items");
        map.setColumnTypes(new byte[] {3, 15});
        map.setColumnMetadata(new int[] {0, 80});
        BitSet nullable = new BitSet();
        nullable.set(1);
        map.setColumnNullability(nullable);
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id", "name"));
        metadata.setSimplePrimaryKeys(List.of(0));
        map.setEventMetadata(metadata);
        return map;
    }

    private static Event event(EventType type, long start, long next, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setNextPosition(next);
        header.setEventLength(next - start);
        header.setServerId(1);
        header.setTimestamp(1_700_000_000_000L);
        return new Event(header, data);
    }

    @Test
    void eachRowCarriesItsPositionTheGtidAndAnOffsetThatSkipsWhatWasEmitted() throws Exception {
        RecordEmitter emitter = emitter(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 0));
        transaction(dispatcher(emitter, CaptureFilter.all()));
        List<SourceRecord> records = queue.poll();

        assertThat(records).hasSize(2);
        Struct source = ((Struct) records.get(0).value()).getStruct(Envelope.SOURCE);
        assertThat(source.getInt64("position")).isEqualTo(SourcePosition.mysql(7, 300, 400, 0));
        assertThat(((Struct) records.get(1).value()).getStruct(Envelope.SOURCE).getInt64("position")).isEqualTo(SourcePosition.mysql(7, 300, 400, 1));
        assertThat(source.getString("gtid")).isEqualTo(UUID + ":23");
        assertThat(source.getInt64("pos")).isEqualTo(300L);
        assertThat(source.getInt64("thread")).isEqualTo(42L);
        assertThat(((Struct) records.get(0).value()).getStruct(Envelope.TRANSACTION).getString("id")).isEqualTo(UUID + ":23");
        assertThat(records.get(0).sourceOffset()).isEqualTo(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 1).toMap());
        assertThat(records.get(1).sourceOffset()).as("the last record of the transaction points past its XID")
                .isEqualTo(new StreamOffset("binlog.000007", 431, UUID + ":1-23", 0, 0).toMap());
        assertThat(emitter.current()).isEqualTo(new StreamOffset("binlog.000007", 431, UUID + ":1-23", 0, 0));
    }

    @Test
    void aRestartInsideTheTransactionSkipsTheRowsAlreadyEmitted() throws Exception {
        transaction(dispatcher(emitter(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 1)), CaptureFilter.all()));
        List<SourceRecord> records = queue.poll();
        assertThat(records).singleElement().satisfies(record -> assertThat(((Struct) record.key()).getInt32("id")).isEqualTo(2));
    }

    @Test
    void uncapturedTablesEmitNothingButMoveTheOffset() throws Exception {
        RecordEmitter emitter = emitter(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 0));
        transaction(dispatcher(emitter, new CaptureFilter(List.of("other"), List.of(), List.of(), List.of(), List.of())));
        assertThat(queue.poll()).isEmpty();
        assertThat(emitter.current()).isEqualTo(new StreamOffset("binlog.000007", 431, UUID + ":1-23", 0, 0));
    }

    @Test
    void aDeleteCarriesTheOffsetThatEmitsItsRowAgainUntilItsTombstone() throws Exception {
        RecordEmitter emitter = emitter(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 0));
        BinlogEventDispatcher dispatcher = dispatcher(emitter, CaptureFilter.all());
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename("binlog.000007");
        rotate.setBinlogPosition(100);
        dispatcher.onEvent(event(EventType.ROTATE, 0, 0, rotate));
        dispatcher.onEvent(event(EventType.GTID, 100, 170, new GtidEventData(MySqlGtid.fromString(UUID + ":23"), (byte) 0, 0, 0, 0, 0, 0, 0, 0)));
        QueryEventData begin = new QueryEventData();
        begin.setSql("BEGIN");
        dispatcher.onEvent(event(EventType.QUERY, 170, 250, begin));
        dispatcher.onEvent(event(EventType.TABLE_MAP, 250, 300, tableMap()));
        com.github.shyiko.mysql.binlog.event.DeleteRowsEventData rows = new com.github.shyiko.mysql.binlog.event.DeleteRowsEventData();
        rows.setTableId(9);
        BitSet columns = new BitSet();
        columns.set(0, 2);
        rows.setIncludedColumns(columns);
        rows.setRows(List.<Serializable[]>of(new Serializable[] {1, "one".getBytes(StandardCharsets.UTF_8)}));
        dispatcher.onEvent(event(EventType.EXT_DELETE_ROWS, 300, 400, rows));
        dispatcher.onEvent(event(EventType.XID, 400, 431, new XidEventData()));

        List<SourceRecord> records = queue.poll();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).sourceOffset()).as("the delete: a restart emits the row again")
                .isEqualTo(new StreamOffset("binlog.000007", 100, UUID + ":1-22", 0, 0).toMap());
        assertThat(records.get(1).value()).isNull();
        assertThat(records.get(1).sourceOffset()).isEqualTo(new StreamOffset("binlog.000007", 431, UUID + ":1-23", 0, 0).toMap());
    }
}
