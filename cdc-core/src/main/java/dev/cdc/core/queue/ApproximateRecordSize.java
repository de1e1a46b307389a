package dev.cdc.core.queue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A cheap estimate of the heap a record holds, for {@code max.queue.size.in.bytes}: it walks key
 * and value ({@link Struct}, lists, maps, strings, byte arrays, numbers) and adds a fixed overhead
 * per object. It is not exact and need not be: it exists so that a queue of large rows cannot
 * exhaust the worker's heap.
 */
public final class ApproximateRecordSize {
    /** Object header plus reference, a rough figure for a 64-bit JVM with compressed pointers. */
    static final long OBJECT_OVERHEAD = 16;
    /** A record with its topic, partition maps and headers. */
    static final long RECORD_OVERHEAD = 256;

    private ApproximateRecordSize() {
    }

    /** The estimated size of a record in bytes. */
    public static long of(ConnectRecord<?> record) {
        return RECORD_OVERHEAD + ofValue(record.key()) + ofValue(record.value());
    }

    /** The estimated size of one Connect value in bytes. */
    public static long ofValue(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return OBJECT_OVERHEAD + 24 + text.length();
        }
        if (value instanceof byte[] array) {
            return OBJECT_OVERHEAD + array.length;
        }
        if (value instanceof ByteBuffer buffer) {
            return OBJECT_OVERHEAD + buffer.remaining();
        }
        if (value instanceof Struct struct) {
            return ofStruct(struct);
        }
        if (value instanceof Collection<?> collection) {
            return OBJECT_OVERHEAD + collection.stream().mapToLong(ApproximateRecordSize::ofValue).sum();
        }
        if (value instanceof Map<?, ?> map) {
            return OBJECT_OVERHEAD + map.entrySet().stream()
                    .mapToLong(entry -> ofValue(entry.getKey()) + ofValue(entry.getValue()))
                    .sum();
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return OBJECT_OVERHEAD + 32;
        }
        return OBJECT_OVERHEAD + 8;
    }

    private static long ofStruct(Struct struct) {
        long size = OBJECT_OVERHEAD + 8L * struct.schema().fields().size();
        for (Field field : struct.schema().fields()) {
            size += ofValue(struct.get(field));
        }
        return size;
    }
}
