package dev.cdc.core.converter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/**
 * Connect schemas by the exact bytes of their JSON form, least recently used evicted. A record's
 * {@code schema} section is compared byte for byte with the last one seen (one vectorized
 * comparison in the common case of a partition whose records share one schema) before a hashed
 * lookup; only a miss parses JSON. Byte equality is stricter than JSON equality (key order,
 * whitespace), which costs at most a second parse of an equal schema, never a wrong one.
 * Not thread-safe: a converter instance serves one task thread.
 */
final class SchemaBytesCache {
    private final Map<Key, Schema> schemas;
    private Key lastKey;
    private Schema lastSchema;

    SchemaBytesCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, was " + capacity);
        }
        this.schemas = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Schema> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The schema whose JSON is {@code bytes[from, to)}; {@code parse} is called with a copy of
     * those bytes on a miss.
     */
    Schema get(byte[] bytes, int from, int to, Function<byte[], Schema> parse) {
        if (lastKey != null && lastKey.sameBytes(bytes, from, to)) {
            return lastSchema;
        }
        Key probe = new Key(bytes, from, to);
        Schema schema = schemas.get(probe);
        if (schema == null) {
            probe = probe.copy();
            schema = parse.apply(probe.bytes);
            schemas.put(probe, schema);
        }
        lastKey = probe.copy();
        lastSchema = schema;
        return schema;
    }

    /**
     * The length of the last schema's JSON if {@code bytes} hold exactly that JSON at {@code from},
     * else -1. A complete JSON object's bytes fix where it ends, so a match needs no parsing.
     */
    int lastMatchAt(byte[] bytes, int from) {
        if (lastKey == null) {
            return -1;
        }
        int length = lastKey.to - lastKey.from;
        return from + length <= bytes.length && lastKey.sameBytes(bytes, from, from + length) ? length : -1;
    }

    /** The schema of the last {@link #get} or matching {@link #lastMatchAt}. */
    Schema last() {
        return lastSchema;
    }

    int size() {
        return schemas.size();
    }

    /** A byte range; copies own their array, probes view the record's. */
    private static final class Key {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        Key(byte[] bytes, int from, int to) {
            this(bytes, from, to, hash(bytes, from, to));
        }

        private Key(byte[] bytes, int from, int to, int hash) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.hash = hash;
        }

        Key copy() {
            return from == 0 && to == bytes.length ? this : new Key(Arrays.copyOfRange(bytes, from, to), 0, to - from, hash);
        }

        boolean sameBytes(byte[] other, int otherFrom, int otherTo) {
            return Arrays.equals(bytes, from, to, other, otherFrom, otherTo);
        }

        private static int hash(byte[] bytes, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && hash == other.hash && other.sameBytes(bytes, from, to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
