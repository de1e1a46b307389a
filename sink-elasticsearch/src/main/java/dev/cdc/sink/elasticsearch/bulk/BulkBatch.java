package dev.cdc.sink.elasticsearch.bulk;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of one {@code _bulk} request being filled, at most one per document: a later change
 * of a document already in the batch is folded into it ({@link BulkItem#merge}), which keeps the
 * per-document outcome and saves a write. Task thread only.
 */
final class BulkBatch {
    private final Map<DocKey, BulkItem> items = new LinkedHashMap<>();
    private final long createdNanos;
    private long bytes;

    BulkBatch(long createdNanos) {
        this.createdNanos = createdNanos;
    }

    void add(BulkItem item) {
        BulkItem existing = items.get(item.key());
        BulkItem kept = existing == null ? item : existing.merge(item);
        if (existing != null) {
            bytes -= existing.size();
        }
        items.put(item.key(), kept);
        bytes += kept.size();
    }

    /** The item of a document, or null. */
    BulkItem get(DocKey key) {
        return items.get(key);
    }

    int count() {
        return items.size();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    long createdNanos() {
        return createdNanos;
    }

    Set<DocKey> keys() {
        return items.keySet();
    }

    List<BulkItem> items() {
        return new ArrayList<>(items.values());
    }

    /** The NDJSON body of some of the items. */
    static byte[] body(List<BulkItem> items) {
        int size = items.stream().mapToInt(BulkItem::size).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        items.forEach(item -> out.writeBytes(item.bytes()));
        return out.toByteArray();
    }
}
