package dev.cdc.sink.elasticsearch.toast;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.DocKey;
import dev.cdc.sink.elasticsearch.bulk.OffsetTracker;
import dev.cdc.sink.elasticsearch.index.CopySource;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * An upsert whose after-image lacks some columns' values ({@link UnchangedColumns}), waiting for
 * the stored values of those columns: one {@link Part} per index it goes to (two during a reindex).
 *
 * @param record  the record
 * @param entry   its offset entry, settled when every part is acknowledged
 * @param version the source position, the documents' version
 * @param parts   one per destination index
 */
public record UnchangedColumnsChange(SinkRecord record, OffsetTracker.Entry entry, long version, List<Part> parts) {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    public UnchangedColumnsChange {
        requireNonNull(record, "record is null");
        requireNonNull(entry, "entry is null");
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
    }

    /** The documents this change writes. */
    public List<DocKey> keys() {
        return parts.stream().map(Part::key).toList();
    }

    boolean isComplete() {
        return parts.stream().allMatch(Part::hasBase);
    }

    /**
     * The document for one index: the new values, and the unchanged fields to take from the stored
     * document (the base) once known.
     */
    public static final class Part {
        private final DocKey key;
        private final boolean bestEffort;
        private final JsonObject written;
        private final List<String> unchangedFields;
        private final CopySource copySource;
        private boolean hasBase;
        private JsonObject base;

        /**
         * @param key             the document
         * @param bestEffort      a refusal is logged, not reported (the index a reindex replaces)
         * @param written         the document as the index takes it, without the unchanged fields
         * @param unchangedFields the unchanged fields, named as in the index
         * @param copySource      where the document can also be read while a reindex fills the index; null otherwise
         */
        public Part(DocKey key, boolean bestEffort, JsonObject written, List<String> unchangedFields, CopySource copySource) {
            this.key = requireNonNull(key, "key is null");
            this.bestEffort = bestEffort;
            this.written = requireNonNull(written, "written is null");
            this.unchangedFields = List.copyOf(requireNonNull(unchangedFields, "unchangedFields is null"));
            this.copySource = copySource;
        }

        public DocKey key() {
            return key;
        }

        boolean bestEffort() {
            return bestEffort;
        }

        CopySource copySource() {
            return copySource;
        }

        boolean hasBase() {
            return hasBase;
        }

        /** The stored document to take the unchanged values from; null when there is none (absent or deleted). */
        void base(JsonObject stored) {
            this.base = stored;
            this.hasBase = true;
        }

        /** The unchanged fields the base cannot give (all of them without a base). */
        List<String> missingFields() {
            List<String> missing = new ArrayList<>();
            for (String field : unchangedFields) {
                if (base == null || !base.containsKey(field)) {
                    missing.add(field);
                }
            }
            return missing;
        }

        boolean hasDocument() {
            return base != null;
        }

        /** The document to index: the written fields plus the base's values of the unchanged ones (null when missing). */
        String merged() {
            JsonObjectBuilder document = JSON.createObjectBuilder(written);
            for (String field : unchangedFields) {
                JsonValue stored = base == null ? null : base.get(field);
                document.add(field, stored == null ? JsonValue.NULL : stored);
            }
            return document.build().toString();
        }
    }
}
