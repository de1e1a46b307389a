package dev.cdc.sink.elasticsearch.toast;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.BulkItem;
import dev.cdc.sink.elasticsearch.bulk.BulkWriter;
import dev.cdc.sink.elasticsearch.bulk.DocKey;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.toast.UnchangedColumnsChange.Part;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stored values of unchanged TOAST columns: a change that lacks them
 * ({@link UnchangedColumnsChange}) is indexed as a whole document, the lacking fields taken from
 * the document it replaces, with the change's version as usual ({@code external_gte}: should a
 * newer change have been written meanwhile, this write is refused and the newer one stays).
 *
 * <p>Where the replaced document comes from, for each index the change goes to:
 * <ol>
 *   <li>the batch being filled, when it holds a change of the document: merged in memory at once
 *       (that change is never written on its own: the new one folds into it);</li>
 *   <li>otherwise Elasticsearch: the change is held, and {@link #resolve()} reads every held
 *       document with one {@code _mget}, after waiting for the bulk requests in flight that hold
 *       one of them, so the read sees every earlier change of the document. During a reindex a
 *       document the new index does not hold yet is read from the index being copied, rewritten
 *       as the copy does.</li>
 * </ol>
 * Order per document is kept: before any other change of a held document is handed to the bulk
 * writer, the held changes are resolved ({@link #resolveIfHolding}). A document that does not
 * exist (or is a delete tombstone) gives null values, with a warning. The task thread calls
 * {@link #resolve()} at the end of {@code put()}, before {@code preCommit()}/{@code flush()} send,
 * and before every write barrier (truncate, reindex start, dropping an index). Task thread only.
 */
public final class StoredValueMerger {
    private static final Logger LOG = LoggerFactory.getLogger(StoredValueMerger.class);

    private final BulkWriter bulk;
    private final StoredDocuments stored;
    private final List<UnchangedColumnsChange> held = new ArrayList<>();
    private final Set<DocKey> heldKeys = new HashSet<>();

    public StoredValueMerger(BulkWriter bulk, StoredDocuments stored) {
        this.bulk = requireNonNull(bulk, "bulk is null");
        this.stored = requireNonNull(stored, "stored is null");
    }

    /** Writes the change now when the batch being filled gives every stored document, else holds it. */
    public void write(UnchangedColumnsChange change) {
        resolveIfHolding(change.keys());
        for (Part part : change.parts()) {
            BulkItem unsent = bulk.unsent(part.key());
            if (unsent != null) {
                part.base(unsent.source() == null ? null : live(EsResponse.parse(unsent.source())));
            }
        }
        if (change.isComplete()) {
            add(change);
        } else {
            held.add(change);
            heldKeys.addAll(change.keys());
        }
    }

    /** Resolves the held changes when one of them writes one of these documents, so their order is kept. */
    public void resolveIfHolding(Collection<DocKey> keys) {
        if (heldKeys.isEmpty()) {
            return;
        }
        for (DocKey key : keys) {
            if (heldKeys.contains(key)) {
                resolve();
                return;
            }
        }
    }

    /** Reads the stored documents of every held change at once, merges and hands them to the bulk writer in order. */
    public void resolve() {
        if (held.isEmpty()) {
            return;
        }
        List<UnchangedColumnsChange> resolving = List.copyOf(held);
        held.clear();
        heldKeys.clear();
        Set<DocKey> reads = new LinkedHashSet<>();
        for (UnchangedColumnsChange change : resolving) {
            for (Part part : change.parts()) {
                if (!part.hasBase()) {
                    reads.add(part.key());
                    if (part.copySource() != null) {
                        reads.add(new DocKey(part.copySource().index(), part.key().id()));
                    }
                }
            }
        }
        bulk.awaitDocuments(reads);
        Map<DocKey, JsonObject> found = stored.fetch(reads);
        for (UnchangedColumnsChange change : resolving) {
            for (Part part : change.parts()) {
                if (!part.hasBase()) {
                    part.base(baseOf(part, found));
                }
            }
            add(change);
        }
    }

    /** Changes waiting for their stored documents, for tests. */
    public int heldCount() {
        return held.size();
    }

    private static JsonObject baseOf(Part part, Map<DocKey, JsonObject> found) {
        JsonObject document = live(found.get(part.key()));
        if (document != null || part.copySource() == null) {
            return document;
        }
        JsonObject original = live(found.get(new DocKey(part.copySource().index(), part.key().id())));
        return original == null ? null : EsResponse.parse(part.copySource().adapter().adapt(original).source());
    }

    /** The document, or null for none or a delete tombstone. */
    private static JsonObject live(JsonObject source) {
        if (source == null || source.get(MappingBuilder.DELETED_FIELD) == JsonValue.TRUE) {
            return null;
        }
        return source;
    }

    private void add(UnchangedColumnsChange change) {
        List<BulkItem> items = new ArrayList<>(change.parts().size());
        for (Part part : change.parts()) {
            warnAboutMissingValues(change, part);
            items.add(BulkItem.index(part.key(), change.version(), part.merged(), change.record(), change.entry(), part.bestEffort()));
        }
        change.entry().addParts(items.size() - 1);
        items.forEach(bulk::add);
    }

    private static void warnAboutMissingValues(UnchangedColumnsChange change, Part part) {
        List<String> missing = part.missingFields();
        if (missing.isEmpty() || part.bestEffort()) {
            return;
        }
        LOG.warn("{} {}: the unchanged TOAST field(s) {} of {} (the source did not send them) are written as null; the next change"
                + " carrying the values fixes them", part.hasDocument() ? "Document without the field(s)" : "No document to keep them from",
                part.key(), missing, "the record at topic " + change.record().originalTopic() + " partition "
                + change.record().originalKafkaPartition() + " offset " + change.record().originalKafkaOffset());
    }
}
