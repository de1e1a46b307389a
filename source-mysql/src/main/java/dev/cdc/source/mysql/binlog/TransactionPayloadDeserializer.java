package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * MySQL 8's {@code TRANSACTION_PAYLOAD} event (binlog_transaction_compression=ON): a header of
 * (field type, field length, value) triples ending with type 0, then the transaction's events
 * compressed with zstd (zstd-jni). The inner events are decoded by a deserializer from
 * {@code innerDeserializer}, i.e. with the connector's own compatibility modes and row
 * deserializers: the library's own payload deserializer (0.30.1) decodes them with a default
 * {@code EventDeserializer}, which hands text as {@code String} and temporal values as
 * {@code java.util.Date}, not what the converters take.
 */
final class TransactionPayloadDeserializer implements EventDataDeserializer<TransactionPayloadEventData> {
    static final int END_MARK = 0;
    static final int PAYLOAD_SIZE = 1;
    static final int COMPRESSION_TYPE = 2;
    static final int UNCOMPRESSED_SIZE = 3;
    static final int ZSTD = 0;
    static final int NONE = 255;

    private final Supplier<EventDeserializer> innerDeserializer;

    TransactionPayloadDeserializer(Supplier<EventDeserializer> innerDeserializer) {
        this.innerDeserializer = requireNonNull(innerDeserializer, "innerDeserializer is null");
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream input) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        long payloadSize = -1;
        long uncompressedSize = -1;
        int compression = ZSTD;
        while (input.available() > 0) {
            int type = input.readPackedInteger();
            if (type == END_MARK) {
                break;
            }
            int length = input.readPackedInteger();
            byte[] value = input.read(length);
            switch (type) {
                case PAYLOAD_SIZE -> payloadSize = packed(value);
                case COMPRESSION_TYPE -> compression = (int) packed(value);
                case UNCOMPRESSED_SIZE -> uncompressedSize = packed(value);
                default -> { } // a field of a later server version: skipped by its length
            }
        }
        byte[] payload = input.read(payloadSize >= 0 ? (int) payloadSize : input.available());
        byte[] events = switch (compression) {
            case ZSTD -> decompress(payload, uncompressedSize);
            case NONE -> payload;
            default -> throw new IOException("TRANSACTION_PAYLOAD with compression type " + compression
                    + ", which this connector cannot read (known: 0 = zstd, 255 = none)");
        };
        data.setPayloadSize(payload.length);
        data.setCompressionType(compression);
        data.setUncompressedSize(events.length);
        data.setPayload(payload);
        data.setUncompressedEvents(innerEvents(events));
        return data;
    }

    private static byte[] decompress(byte[] payload, long uncompressedSize) throws IOException {
        long size = uncompressedSize >= 0 ? uncompressedSize : Zstd.decompressedSize(payload);
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IOException("TRANSACTION_PAYLOAD of " + payload.length + " compressed bytes gives no usable uncompressed size (" + size + ")");
        }
        byte[] events = Zstd.decompress(payload, (int) size);
        if (events.length != size) {
            throw new IOException("TRANSACTION_PAYLOAD decompressed to " + events.length + " bytes, its header says " + size);
        }
        return events;
    }

    private ArrayList<Event> innerEvents(byte[] events) throws IOException {
        EventDeserializer deserializer = innerDeserializer.get();
        ByteArrayInputStream input = new ByteArrayInputStream(events);
        ArrayList<Event> inner = new ArrayList<>();
        for (Event event = deserializer.nextEvent(input); event != null; event = deserializer.nextEvent(input)) {
            inner.add(event);
        }
        return inner;
    }

    private static long packed(byte[] value) throws IOException {
        return new ByteArrayInputStream(value).readPackedLong();
    }
}
