package dev.cdc.sink.elasticsearch.bulk;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.document.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One action of a {@code _bulk} request, serialized (action line and source line, each ending in a
 * newline), with the records it settles once Elasticsearch acknowledges it. Versioned actions
 * carry {@code version_type=external_gte}: Elasticsearch applies them only when their version is
 * at least the stored one, and answers 409 otherwise, which means a newer change is already there.
 */
public final class BulkItem {
    /** Marks an action without a version (an unversioned delete). */
    public static final long UNVERSIONED = -1;

    private final DocKey key;
    private final long version;
    private final byte[] bytes;
    private final SinkRecord record;
    private final boolean bestEffort;
    private final List<OffsetTracker.Entry> entries = new ArrayList<>(1);

    private BulkItem(DocKey key, long version, byte[] bytes, SinkRecord record, OffsetTracker.Entry entry, boolean bestEffort) {
        this.bestEffort = bestEffort;
        this.key = requireNonNull(key, "key is null");
        this.version = version;
        this.bytes = requireNonNull(bytes, "bytes is null");
        this.record = requireNonNull(record, "record is null");
        entries.add(requireNonNull(entry, "entry is null"));
    }

    /** Indexes (creates or replaces) a document, guarded by {@code version}. */
    public static BulkItem index(DocKey key, long version, String source, SinkRecord record, OffsetTracker.Entry entry) {
        return index(key, version, source, record, entry, false);
    }

    /**
     * Indexes a document; with {@code bestEffort} a refusal by Elasticsearch is logged and the
     * record settled, not reported as errant (writes to the index a reindex replaces).
     */
    public static BulkItem index(DocKey key, long version, String source, SinkRecord record, OffsetTracker.Entry entry,
            boolean bestEffort) {
        StringBuilder text = actionLine("index", key, version);
        text.append(source).append('\n');
        return new BulkItem(key, version, text.toString().getBytes(StandardCharsets.UTF_8), record, entry, bestEffort);
    }

    /** Deletes a document; guarded by {@code version} unless it is {@link #UNVERSIONED}. */
    public static BulkItem delete(DocKey key, long version, SinkRecord record, OffsetTracker.Entry entry) {
        return new BulkItem(key, version, actionLine("delete", key, version).toString().getBytes(StandardCharsets.UTF_8), record, entry,
                false);
    }

    private static StringBuilder actionLine(String action, DocKey key, long version) {
        StringBuilder text = new StringBuilder(128);
        text.append("{\"").append(action).append("\":{\"_index\":");
        Json.appendString(text, key.index());
        text.append(",\"_id\":");
        Json.appendString(text, key.id());
        if (version != UNVERSIONED) {
            text.append(",\"version\":").append(version).append(",\"version_type\":\"external_gte\"");
        }
        return text.append("}}\n");
    }

    /**
     * Folds {@code later}, a change of the same document received after this one, into one item:
     * the one that Elasticsearch would keep (the later one unless its version is lower) carries
     * the records of both.
     */
    BulkItem merge(BulkItem later) {
        boolean laterWins = later.version == UNVERSIONED || version == UNVERSIONED || later.version >= version;
        BulkItem winner = laterWins ? later : this;
        BulkItem loser = laterWins ? this : later;
        winner.entries.addAll(loser.entries);
        return winner;
    }

    /** Settles every record this item stands for. */
    void settle() {
        entries.forEach(OffsetTracker.Entry::settle);
    }

    public DocKey key() {
        return key;
    }

    public long version() {
        return version;
    }

    /** Whether a refusal is only logged (see {@link #index(DocKey, long, String, SinkRecord, OffsetTracker.Entry, boolean)}). */
    public boolean isBestEffort() {
        return bestEffort;
    }

    public boolean isVersioned() {
        return version != UNVERSIONED;
    }

    /** The document source of an index action (its second line), or null for a delete. */
    public String source() {
        int newline = 0;
        while (bytes[newline] != '\n') {
            newline++;
        }
        int length = bytes.length - newline - 2;
        return length <= 0 ? null : new String(bytes, newline + 1, length, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return bytes;
    }

    public int size() {
        return bytes.length;
    }

    /** The latest record of this item's document, for error reports. */
    public SinkRecord record() {
        return record;
    }
}
