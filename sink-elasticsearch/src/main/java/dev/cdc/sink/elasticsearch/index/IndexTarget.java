package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.backfill.ColumnDefaults;
import dev.cdc.sink.elasticsearch.backfill.FieldBackfill;
import dev.cdc.sink.elasticsearch.document.KeyColumns;
import dev.cdc.sink.elasticsearch.reindex.IndexCopier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/**
 * What the sink knows of one alias: the concrete index behind it ({@code <alias>_v<N>}), that
 * index's top-level fields, the position of the last truncate (changes before it are dropped),
 * the position from which its mapping holds (an older row schema that conflicts with it is
 * converted, not reindexed), the column renames it has taken in, and, while a reindex runs, its
 * successor {@code <alias>_v<N+1>} and the copier. For each row schema seen, where its documents
 * go ({@link Destination}s). Task thread only.
 */
public final class IndexTarget {
    private static final int MAX_CACHED_SCHEMAS = 1_000;
    private final String alias;
    private final String index;
    private final int version;
    private final Map<String, Object> properties;
    private final long truncatedBefore;
    private final long schemaPosition;
    private final Map<String, String> renames;
    private final boolean rekeyed;
    private final ColumnDefaults columnDefaults;
    private final List<FieldBackfill> backfills = new ArrayList<>();
    private KeyColumns key;
    private final Map<Schema, List<Destination>> destinations = new IdentityHashMap<>();
    private IndexTarget successor;
    private IndexCopier copier;

    IndexTarget(String alias, String index, int version, Map<String, Object> properties, IndexMeta meta) {
        this.alias = requireNonNull(alias, "alias is null");
        this.index = requireNonNull(index, "index is null");
        this.version = version;
        this.properties = new LinkedHashMap<>(requireNonNull(properties, "properties is null"));
        this.truncatedBefore = meta.truncatedBefore();
        this.schemaPosition = meta.schemaPosition();
        this.renames = Map.copyOf(meta.renames());
        this.key = meta.key();
        this.rekeyed = meta.reindexRekey();
        this.columnDefaults = new ColumnDefaults(meta.columnDefaults());
    }

    public String alias() {
        return alias;
    }

    /** The concrete index behind the alias. */
    public String index() {
        return index;
    }

    /** N of {@code <alias>_v<N>}; 0 when the alias points at an index of another name. */
    public int version() {
        return version;
    }

    /** Changes with a position below this one predate the last truncate; -1 when never truncated. */
    public long truncatedBefore() {
        return truncatedBefore;
    }

    /** Whether a change at {@code position} predates the last truncate and must be dropped. */
    public boolean predatesTruncate(long position) {
        return position < truncatedBefore;
    }

    /** The position of the change that gave the index its mapping; -1 for a first index. */
    long schemaPosition() {
        return schemaPosition;
    }

    /** Column renames this index has taken in: {@code from → to}. */
    Map<String, String> renames() {
        return renames;
    }

    Map<String, Object> properties() {
        return properties;
    }

    /** The meta to carry into a successor made by a truncate. */
    IndexMeta meta() {
        return new IndexMeta(truncatedBefore, schemaPosition, renames, null, Map.of(), key, false, columnDefaults.literals());
    }

    /** Columns added with a constant default (see {@link ColumnDefaults}). */
    public ColumnDefaults columnDefaults() {
        return columnDefaults;
    }

    /**
     * The document of a change at {@code position}, with the defaults of columns added after that
     * position which its row lacks (a late or replayed change; see {@link ColumnDefaults#apply}).
     */
    public String withColumnDefaults(String source, Schema rowSchema, long position) {
        return columnDefaults.apply(source, rowSchema, position, properties);
    }

    /** Backfills of column defaults running on this index. */
    List<FieldBackfill> backfills() {
        return backfills;
    }

    /** The primary-key columns of the documents, or null while not known (an index of an older version of the sink). */
    public KeyColumns key() {
        return key;
    }

    void key(KeyColumns columns) {
        this.key = requireNonNull(columns, "columns is null");
        forgetDestinations();
    }

    /** Whether this index is being filled by a copy that re-keys the documents. */
    boolean rekeyed() {
        return rekeyed;
    }

    /** Where the documents of rows with this schema go; null when the schema was not seen yet. */
    List<Destination> destinations(Schema rowSchema) {
        return destinations.get(rowSchema);
    }

    void destinations(Schema rowSchema, List<Destination> where) {
        if (destinations.size() >= MAX_CACHED_SCHEMAS) {
            destinations.clear();
        }
        destinations.put(rowSchema, List.copyOf(where));
    }

    /** Forgets the destinations, e.g. when a reindex starts or ends. */
    void forgetDestinations() {
        destinations.clear();
    }

    /** The index being filled while a reindex runs, else null. */
    IndexTarget successor() {
        return successor;
    }

    IndexCopier copier() {
        return copier;
    }

    boolean isReindexing() {
        return successor != null;
    }

    void beginReindex(IndexTarget next, IndexCopier copying) {
        this.successor = requireNonNull(next, "next is null");
        this.copier = requireNonNull(copying, "copying is null");
        forgetDestinations();
    }

    /** The index whose mapping new row schemas must fit: the successor while a reindex runs. */
    IndexTarget mappingTarget() {
        return successor == null ? this : successor;
    }

    /**
     * Where a document goes and how it is rewritten there.
     *
     * @param bestEffort a document the index refuses is logged and skipped rather than reported as
     *                   errant (the index being replaced, during a reindex)
     * @param key        the index's key columns (null: not known); a record whose key has other
     *                   columns gets the {@code _id} of these columns in its row
     */
    public record Destination(String index, dev.cdc.sink.elasticsearch.reindex.DocumentAdapter adapter, boolean bestEffort,
            KeyColumns key) {
        public Destination {
            requireNonNull(index, "index is null");
            requireNonNull(adapter, "adapter is null");
        }

        /**
         * The {@code _id} of the record's document here: the record key's, or, when this index is
         * keyed by other columns, theirs in the row; null when the row lacks them (or a delete has no row).
         */
        public String id(String recordId, KeyColumns recordKey, Object row) {
            if (key == null || recordKey == null || key.names().equals(recordKey.names())) {
                return recordId;
            }
            return row instanceof org.apache.kafka.connect.data.Struct struct ? key.idOfRow(struct) : null;
        }
    }
}
