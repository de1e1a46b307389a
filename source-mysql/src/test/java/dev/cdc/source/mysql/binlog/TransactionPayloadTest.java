package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MySqlGtid;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import dev.cdc.core.config.HeartbeatConfig;
import dev.cdc.core.config.QueueConfig;
import dev.cdc.core.errors.ErrorClassifier;
import dev.cdc.core.event.Envelope;
import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.queue.ApproximateRecordSize;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.StreamOffset;
import dev.cdc.source.mysql.server.GtidFlavor;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.stream.BinlogEventDispatcher;
import dev.cdc.source.mysql.stream.DdlEventHandler;
import dev.cdc.source.mysql.stream.GtidTracker;
import dev.cdc.source.mysql.stream.RecordEmitter;
import dev.cdc.source.mysql.stream.StreamChangeObserver;
import dev.cdc.source.mysql.stream.TableBinding;
import dev.cdc.source.mysql.stream.TableMapCache;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlCharsets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A MySQL 8 compressed transaction ({@code binlog_transaction_compression=ON}) built from real row
 * events: the events MariaDB wrote for a transaction (resources {@code binlog/mariadb-transaction.hex}:
 * table map with full metadata, insert of two rows, update, delete, XID) lose their checksums, the
 * rows events become v2 as MySQL 8 writes them, a {@code BEGIN} goes first, the whole is compressed
 * with zstd and wrapped in a {@code TRANSACTION_PAYLOAD} event after a GTID event. The connector's
 * deserializer and dispatcher turn it into change events with the payload's position, the rows
 * numbered across it, and the values decoded as outside a payload (4-byte UTF-8, millisecond
 * DATETIME, negative TIME, a date before 1582).
 */
class TransactionPayloadTest {
    private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String FILE = "binlog.000020";
    private static final long GTID_START = 1000;
    private static final long PAYLOAD_START = 1079;
    private static final int HEADER = 19;
    private static final Map<String, String> PARTITION = Map.of("server", "t");

    private final ChangeEventQueue<SourceRecord> queue = new ChangeEventQueue<>("t", QueueConfig.defaults(), ApproximateRecordSize::of,
            ErrorClassifier.defaults());

    @Test
    void rowsInsideACompressedTransactionBecomeChangeEventsAtThePayloadsPosition() throws Exception {
        byte[] inner = innerEvents();
        byte[] payloadEvent = payloadEvent(Zstd.compress(inner), inner.length);
        Event payload = BinlogDeserializers.create().nextEvent(new ByteArrayInputStream(payloadEvent));
        assertThat(payload.getHeader().getEventType()).isEqualTo(EventType.TRANSACTION_PAYLOAD);
        TransactionPayloadEventData data = payload.getData();
        assertThat(data.getUncompressedEvents()).extracting(event -> event.getHeader().getEventType()).containsExactly(EventType.QUERY,
                EventType.TABLE_MAP, EventType.EXT_WRITE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.EXT_DELETE_ROWS, EventType.XID);
        long payloadEnd = PAYLOAD_START + payloadEvent.length;

        RecordEmitter emitter = new RecordEmitter(queue, new OffsetContext(null), new Heartbeat(HeartbeatConfig.defaults(), "t", PARTITION,
                Clock.systemUTC()), new StreamOffset(FILE, GTID_START, UUID + ":1-22", 0, 0));
        BinlogEventDispatcher dispatcher = dispatcher(emitter);
        RotateEventData rotate = new RotateEventData();
        rotate.setBinlogFilename(FILE);
        rotate.setBinlogPosition(GTID_START);
        dispatcher.onEvent(event(EventType.ROTATE, 0, 0, rotate));
        dispatcher.onEvent(event(EventType.GTID, GTID_START, PAYLOAD_START,
                new GtidEventData(MySqlGtid.fromString(UUID + ":23"), (byte) 0, 0, 0, 0, 0, 0, 0, 0)));
        dispatcher.onEvent(payload);
        List<SourceRecord> records = queue.poll();

        assertThat(records).extracting(TransactionPayloadTest::op).containsExactly("c", "c", "u", "d", null);
        assertThat(records.subList(0, 4)).extracting(TransactionPayloadTest::position).containsExactly(
                SourcePosition.mysql(20, PAYLOAD_START, payloadEnd, 0), SourcePosition.mysql(20, PAYLOAD_START, payloadEnd, 1),
                SourcePosition.mysql(20, PAYLOAD_START, payloadEnd, 2), SourcePosition.mysql(20, PAYLOAD_START, payloadEnd, 3));
        Struct source = ((Struct) records.get(2).value()).getStruct(Envelope.SOURCE);
        assertThat(source.getInt64("pos")).isEqualTo(PAYLOAD_START);
        assertThat(source.getInt32("row")).isEqualTo(2);
        assertThat(source.getString("gtid")).isEqualTo(UUID + ":23");
        assertThat(source.getInt64("thread")).isEqualTo(42L);

        Struct first = after(records.get(0));
        assertThat(first.getString("name")).isEqualTo("ünï 😀");
        assertThat(first.getInt64("at")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(first.getInt64("span")).as("negative TIME keeps its sign").isEqualTo(-1_000_000L);
        Struct second = after(records.get(1));
        assertThat(second.getInt64("at")).as("proleptic Gregorian before 1582")
                .isEqualTo(LocalDateTime.of(1500, 2, 3, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(second.getInt64("span")).isEqualTo((838L * 3600 + 59 * 60 + 59) * 1_000_000L);
        assertThat(((Struct) records.get(2).value()).getStruct(Envelope.BEFORE).getString("name")).isEqualTo("ünï 😀");
        assertThat(after(records.get(2)).getString("name")).isEqualTo("one");
        assertThat(((Struct) records.get(3).key()).getInt32("id")).isEqualTo(2);
        assertThat(records.get(4).sourceOffset()).as("the last record points past the payload, which holds the XID")
                .isEqualTo(new StreamOffset(FILE, payloadEnd, UUID + ":1-23", 0, 0).toMap());
    }

    @Test
    void anUncompressedPayloadIsReadToo() throws Exception {
        byte[] inner = innerEvents();
        byte[] payloadEvent = payloadEvent(inner, inner.length, TransactionPayloadDeserializer.NONE);

        TransactionPayloadEventData data = BinlogDeserializers.create().nextEvent(new ByteArrayInputStream(payloadEvent)).getData();

        assertThat(data.getUncompressedEvents()).hasSize(6);
        assertThat(data.getCompressionType()).isEqualTo(TransactionPayloadDeserializer.NONE);
    }

    private BinlogEventDispatcher dispatcher(RecordEmitter emitter) {
        CaptureFilter filter = CaptureFilter.all();
        TableBinding.Factory bindings = new TableBinding.Factory("t", filter, new BinlogValueConverters(BigintUnsignedMode.LONG, true),
                BigintUnsignedMode.LONG, Clock.systemUTC());
        TableMapCache tables = new TableMapCache(new TableMapReader(MySqlCharsets.builtIn(), ServerFlavor.MYSQL), filter, bindings);
        return new BinlogEventDispatcher(new BinlogEventDispatcher.Settings("t", PARTITION, true, DecodingFailureMode.FAIL), emitter, tables,
                new GtidTracker(GtidFlavor.MYSQL, UUID + ":1-22"), StreamChangeObserver.NONE, DdlEventHandler.NONE, error -> {
                    throw new AssertionError(error);
                });
    }

    /** BEGIN, then the fixture's events without checksums, rows events as v2: what MySQL 8 compresses. */
    private static byte[] innerEvents() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(begin());
        for (byte[] written : fixtureEvents()) {
            byte[] withoutChecksum = java.util.Arrays.copyOf(written, written.length - 4);
            out.write(asMySql8(withoutChecksum));
        }
        return out.toByteArray();
    }

    /** Rows events v1 (23, 24, 25) as v2 (30, 31, 32): an empty extra-data block after table id and flags. */
    private static byte[] asMySql8(byte[] event) {
        int type = event[4] & 0xff;
        byte[] result = event;
        if (type >= 23 && type <= 25) {
            int postHeaderEnd = HEADER + 8;
            result = new byte[event.length + 2];
            System.arraycopy(event, 0, result, 0, postHeaderEnd);
            result[postHeaderEnd] = 2; // extra-data length, itself included
            System.arraycopy(event, postHeaderEnd, result, postHeaderEnd + 2, event.length - postHeaderEnd);
            result[4] = (byte) (type + 7);
        }
        ByteBuffer header = ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(9, result.length);
        header.putInt(13, 0);
        return result;
    }

    private static byte[] begin() {
        byte[] database = "payload_fixture".getBytes(StandardCharsets.UTF_8);
        byte[] sql = "BEGIN".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(13 + database.length + 1 + sql.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(42).putInt(0).put((byte) database.length).putShort((short) 0).putShort((short) 0).put(database).put((byte) 0).put(sql);
        return withHeader(2, 0, body.array());
    }

    private static byte[] payloadEvent(byte[] payload, int uncompressedSize) {
        return payloadEvent(payload, uncompressedSize, TransactionPayloadDeserializer.ZSTD);
    }

    /** A TRANSACTION_PAYLOAD event: (type, length, packed value) fields, end mark, payload. */
    private static byte[] payloadEvent(byte[] payload, int uncompressedSize, int compression) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, TransactionPayloadDeserializer.PAYLOAD_SIZE, payload.length);
        field(body, TransactionPayloadDeserializer.COMPRESSION_TYPE, compression);
        field(body, TransactionPayloadDeserializer.UNCOMPRESSED_SIZE, uncompressedSize);
        body.write(TransactionPayloadDeserializer.END_MARK);
        body.writeBytes(payload);
        return withHeader(40, PAYLOAD_START, body.toByteArray());
    }

    private static void field(ByteArrayOutputStream out, int type, long value) {
        byte[] packed = packed(value);
        out.write(type);
        out.write(packed.length);
        out.writeBytes(packed);
    }

    private static byte[] packed(long value) {
        if (value < 251) {
            return new byte[] {(byte) value};
        }
        if (value < 1 << 16) {
            return new byte[] {(byte) 0xfc, (byte) value, (byte) (value >> 8)};
        }
        return new byte[] {(byte) 0xfd, (byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] withHeader(int type, long start, byte[] body) {
        int length = HEADER + body.length;
        ByteBuffer event = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        event.putInt(1_764_061_485).put((byte) type).putInt(1).putInt(length).putInt(start == 0 ? 0 : (int) (start + length))
                .putShort((short) 0).put(body);
        return event.array();
    }

    private static List<byte[]> fixtureEvents() throws IOException {
        List<byte[]> events = new ArrayList<>();
        try (InputStream input = TransactionPayloadTest.class.getResourceAsStream("/binlog/mariadb-transaction.hex")) {
            for (String line : new String(input.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    events.add(HexFormat.of().parseHex(line.strip()));
                }
            }
        }
        return events;
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

    private static String op(SourceRecord record) {
        return record.value() == null ? null : ((Struct) record.value()).getString(Envelope.OPERATION);
    }

    private static long position(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.SOURCE).getInt64("position");
    }

    private static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct(Envelope.AFTER);
    }
}
