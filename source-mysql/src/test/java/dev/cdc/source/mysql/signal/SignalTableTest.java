package dev.cdc.source.mysql.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import dev.cdc.core.config.HeartbeatConfig;
import dev.cdc.core.config.QueueConfig;
import dev.cdc.core.errors.ErrorClassifier;
import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.queue.ApproximateRecordSize;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.StreamOffset;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.snapshot.SnapshotRequests;
import dev.cdc.source.mysql.stream.BinlogEventDispatcher;
import dev.cdc.source.mysql.stream.DdlEventHandler;
import dev.cdc.source.mysql.stream.GtidTracker;
import dev.cdc.source.mysql.stream.RecordEmitter;
import dev.cdc.source.mysql.stream.StreamChangeObserver;
import dev.cdc.source.mysql.stream.TableBinding;
import dev.cdc.source.mysql.stream.TableMapCache;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlCharsets;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Signal rows inserted into the signal table, read by the dispatcher from hand-built binlog events
 * (MariaDB flavour): an {@code execute-snapshot} starts a snapshot of its captured tables, a
 * watermark row awaited by the snapshot thread is sighted at its rows event, and none of them is
 * a change event, even with a filter that would capture the signal table.
 */
class SignalTableTest {
    private static final Map<String, String> PARTITION = Map.of("server", "t");
    private static final TableId SIGNALS = TableId.ofCatalogTable("shop", "cdc_signal");

    private final ChangeEventQueue<SourceRecord> queue = new ChangeEventQueue<>("t", QueueConfig.defaults(), ApproximateRecordSize::of,
            ErrorClassifier.defaults());
    private final OffsetContext offsets = new OffsetContext(null);
    private final WatermarkSightings sightings = new WatermarkSightings();
    private final AtomicInteger wakeUps = new AtomicInteger();

    private BinlogEventDispatcher dispatcher() {
        CaptureFilter everything = CaptureFilter.all();
        RecordEmitter emitter = new RecordEmitter(queue, offsets, new Heartbeat(HeartbeatConfig.defaults(), "t", PARTITION, Clock.systemUTC()),
                new StreamOffset("mysql-bin.000004", 4, "0-1-10", 0, 0));
        TableBinding.Factory bindings = new TableBinding.Factory("t", everything, new BinlogValueConverters(BigintUnsignedMode.LONG, false),
                BigintUnsignedMode.LONG, Clock.systemUTC());
        TableMapReader tableMaps = new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MARIADB);
        SignalHandler handler = new SignalHandler(sightings, new SnapshotRequests(offsets, wakeUps::incrementAndGet),
                everything.withoutTable("shop", "cdc_signal"));
        return new BinlogEventDispatcher(new BinlogEventDispatcher.Settings("t", PARTITION, true, DecodingFailureMode.FAIL), emitter,
                new TableMapCache(tableMaps, everything, bindings), new GtidTracker(GtidFlavor.MARIADB, "0-1-10"), StreamChangeObserver.NONE,
                DdlEventHandler.NONE, new SignalTable(SIGNALS, tableMaps, bindings, handler), error -> {
                    throw new AssertionError(error);
                });
    }

    private static void insertSignals(BinlogEventDispatcher dispatcher, List<Serializable[]> rows) {
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename("mysql-bin.000004");
        rotate.setBinlogPosition(4);
        dispatcher.onEvent(event(EventType.ROTATE, 0, 0, rotate));
        MariadbGtidEventData gtid = new MariadbGtidEventData();
        gtid.setSequence(11);
        dispatcher.onEvent(event(EventType.MARIADB_GTID, 4, 40, gtid));
        dispatcher.onEvent(event(EventType.TABLE_MAP, 40, 120, signalTableMap()));
        WriteRowsEventData write = new WriteRowsEventData();
        write.setTableId(31);
        BitSet columns = new BitSet();
        columns.set(0, 3);
        write.setIncludedColumns(columns);
        write.setRows(rows);
        dispatcher.onEvent(event(EventType.WRITE_ROWS, 120, 300, write));
        dispatcher.onEvent(event(EventType.XID, 300, 331, new XidEventData()));
    }

    private static Serializable[] row(String id, String type, String data) {
        return new Serializable[] {bytes(id), bytes(type), data == null ? null : bytes(data)};
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static TableMapEventData signalTableMap() {
        TableMapEventData map = new TableMapEventData();
        map.setTableId(31);
        map.setDatabase("shop");
        map.setTable("cdc_signal");
        map.setColumnTypes(new byte[] {15, 15, 15});
        map.setColumnMetadata(new int[] {168, 128, 8192});
        BitSet nullable = new BitSet();
        nullable.set(2);
        map.setColumnNullability(nullable);
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(List.of("id", "type", "data"));
        metadata.setSimplePrimaryKeys(List.of(0));
        TableMapEventMetadata.DefaultCharset charset = new TableMapEventMetadata.DefaultCharset();
        charset.setDefaultCharsetCollation(45);
        charset.setCharsetCollations(Map.of());
        metadata.setDefaultCharset(charset);
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
    void anExecuteSnapshotRowStartsASnapshotOfItsCapturedTablesAndIsNoChangeEvent() throws Exception {
        insertSignals(dispatcher(), List.<Serializable[]>of(row("ad-hoc-1", "execute-snapshot",
                "{\"data-collections\": [\"shop.orders\", \"shop.cdc_signal\"], \"type\": \"incremental\"}")));

        assertThat(queue.poll()).as("signal rows are never change events").isEmpty();
        assertThat(offsets.snapshot()).contains(SnapshotState.start(List.of(TableId.ofCatalogTable("shop", "orders").toString())));
        assertThat(offsets.signalId()).contains("ad-hoc-1");
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void anAwaitedWatermarkRowIsSightedAtItsRowsEventOthersAreNot() throws Exception {
        sightings.expect("chunk-7-open");
        insertSignals(dispatcher(), List.of(row("chunk-7-open", "snapshot-window-open", "{}"),
                row("someone-elses-open", "snapshot-window-open", null)));

        assertThat(sightings.position("chunk-7-open")).contains(new BinlogPosition("mysql-bin.000004", 120));
        assertThat(sightings.size()).as("rows nobody awaits are not remembered").isEqualTo(1);
        assertThat(queue.poll()).isEmpty();
        assertThat(offsets.snapshot()).isEmpty();
    }

    @Test
    void aBadSignalIsIgnoredAndTheReaderGoesOn() throws Exception {
        BinlogEventDispatcher dispatcher = dispatcher();
        insertSignals(dispatcher, List.of(row("bad", "execute-snapshot", "not json"), row("x", "log", "{}")));

        assertThat(dispatcher.failed()).isFalse();
        assertThat(offsets.snapshot()).isEmpty();
        assertThat(offsets.signalId()).isEmpty();
    }
}
