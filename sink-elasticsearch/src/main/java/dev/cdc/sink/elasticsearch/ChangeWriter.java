package dev.cdc.sink.elasticsearch;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.BulkItem;
import dev.cdc.sink.elasticsearch.bulk.BulkWriter;
import dev.cdc.sink.elasticsearch.bulk.DocKey;
import dev.cdc.sink.elasticsearch.bulk.OffsetTracker;
import dev.cdc.sink.elasticsearch.config.DeleteBehavior;
import dev.cdc.sink.elasticsearch.config.ElasticsearchSinkConfig;
import dev.cdc.sink.elasticsearch.config.IndexNameTemplate;
import dev.cdc.sink.elasticsearch.config.NullValueBehavior;
import dev.cdc.sink.elasticsearch.config.RecordConfig;
import dev.cdc.sink.elasticsearch.config.TruncateBehavior;
import dev.cdc.sink.elasticsearch.document.DocumentIdEncoder;
import dev.cdc.sink.elasticsearch.document.DocumentWriter;
import dev.cdc.sink.elasticsearch.document.KeyColumns;
import dev.cdc.sink.elasticsearch.event.ChangeEvent;
import dev.cdc.sink.elasticsearch.event.ChangeEventReader;
import dev.cdc.sink.elasticsearch.event.TableRef;
import dev.cdc.sink.elasticsearch.index.IndexManager;
import dev.cdc.sink.elasticsearch.index.IndexTarget;
import dev.cdc.sink.elasticsearch.index.IndexTarget.Destination;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.reindex.DocumentAdapter;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.toast.StoredValueMerger;
import dev.cdc.sink.elasticsearch.toast.UnchangedColumns;
import dev.cdc.sink.elasticsearch.toast.UnchangedColumnsChange;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each record into its Elasticsearch action, on the task thread:
 * <ul>
 *   <li>c, u, r: index the after-image under the key's {@code _id}, version = source position,
 *       {@code version_type=external_gte};</li>
 *   <li>d: a tombstone document {@code {"__cdc_deleted":true}} with the same versioning
 *       ({@code delete.behavior=tombstone}), or a versioned delete;</li>
 *   <li>t: waits for every write in flight, then empties the index (see {@link IndexManager#truncate});</li>
 *   <li>a null value: skipped, or an unversioned delete, or a bad record ({@code behavior.on.null.values});</li>
 *   <li>a change older than the index's last truncate: skipped;</li>
 *   <li>a schema-change event: its column renames start a reindex ({@link SchemaChangeApplier}).</li>
 * </ul>
 * During a reindex each action goes to both indexes, each document rewritten for its index; the
 * record is settled once both writes are. An upsert lacking the values of unchanged TOAST columns
 * ({@link UnchangedColumns}) takes them from the stored document ({@link StoredValueMerger}).
 * Every record is tracked for offset commits from the moment it arrives; a bad record goes to the
 * {@link ErrantRecordRouter}.
 */
public final class ChangeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWriter.class);
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final int MAX_CACHED_ALIASES = 10_000;
    private static final String TOMBSTONE = "{\"" + MappingBuilder.DELETED_FIELD + "\":true}";

    private final RecordConfig records;
    private final IndexNameTemplate nameTemplate;
    private final ChangeEventReader reader;
    private final IndexManager indexes;
    private final DocumentWriter documents;
    private final DocumentIdEncoder ids = new DocumentIdEncoder();
    private final BulkWriter bulk;
    private final OffsetTracker offsets;
    private final ErrantRecordRouter errors;
    private final SchemaChangeApplier schemaChanges;
    private final StoredValueMerger storedValues;
    private final Map<TableRef, String> aliases = new HashMap<>();
    private final Map<Schema, KeyColumns> keyColumns = new IdentityHashMap<>();
    private long unkeyed;
    private long droppedValues;

    public ChangeWriter(ElasticsearchSinkConfig config, ChangeEventReader reader, IndexManager indexes, BulkWriter bulk,
            StoredValueMerger storedValues, OffsetTracker offsets, ErrantRecordRouter errors) {
        this.records = requireNonNull(config, "config is null").records();
        this.nameTemplate = config.index().nameTemplate();
        this.documents = new DocumentWriter(config.index().decimalMapping(), config.index().jsonMapping());
        this.reader = requireNonNull(reader, "reader is null");
        this.indexes = requireNonNull(indexes, "indexes is null");
        this.bulk = requireNonNull(bulk, "bulk is null");
        this.storedValues = requireNonNull(storedValues, "storedValues is null");
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.schemaChanges = new SchemaChangeApplier(nameTemplate, indexes);
    }

    /** Queues the action of one record; may block while Elasticsearch catches up. */
    public void write(SinkRecord record) {
        OffsetTracker.Entry entry = offsets.track(record);
        try {
            if (record.value() == null) {
                writeNullValue(record, entry);
            } else if (SchemaChangeApplier.isSchemaChange(record)) {
                schemaChanges.apply(record);
                entry.settle();
            } else {
                writeEvent(record, reader.read(record), entry);
            }
        } catch (BadRecordException e) {
            errors.rejected(record, e);
            entry.settle();
        }
    }

    private void writeEvent(SinkRecord record, ChangeEvent event, OffsetTracker.Entry entry) {
        String alias = aliasOf(event.table());
        switch (event.op()) {
            case TRUNCATE -> truncate(alias, event.position(), entry);
            case DELETE -> {
                KeyColumns recordKey = keyColumns(record);
                IndexTarget target = indexes.checkKey(indexes.forRow(alias, null, event.position()), recordKey, event.position());
                String recordId = ids.encode(record.keySchema(), record.key());
                if (target.predatesTruncate(event.position())) {
                    entry.settle();
                    return;
                }
                List<BulkItem> items = new ArrayList<>(2);
                for (Destination destination : indexes.destinations(target, null)) {
                    String id = destination.id(recordId, recordKey, null);
                    if (id == null) {
                        unkeyed(destination, record);
                        continue;
                    }
                    DocKey key = new DocKey(destination.index(), id);
                    items.add(records.deleteBehavior() == DeleteBehavior.TOMBSTONE
                            ? BulkItem.index(key, event.position(), TOMBSTONE, record, entry, destination.bestEffort())
                            : BulkItem.delete(key, event.position(), record, entry));
                }
                add(items, entry);
            }
            case CREATE, UPDATE, READ -> {
                String recordId = ids.encode(record.keySchema(), record.key());
                KeyColumns recordKey = keyColumns(record);
                IndexTarget target = indexes.checkKey(indexes.forRow(alias, event.rowSchema(), event.position()), recordKey,
                        event.position());
                if (target.predatesTruncate(event.position())) {
                    entry.settle();
                    return;
                }
                String source = target.withColumnDefaults(documents.write(event.rowSchema(), event.row()), event.rowSchema(),
                        event.position());
                List<Destination> destinations = indexes.destinations(target, event.rowSchema());
                Set<String> unchanged = UnchangedColumns.of(record, event.row());
                if (!unchanged.isEmpty()) {
                    storedValues.write(unchangedColumnsChange(record, entry, event.position(), recordId, recordKey, event.row(), target,
                            source, unchanged, destinations));
                    return;
                }
                List<BulkItem> items = new ArrayList<>(2);
                for (Destination destination : destinations) {
                    String id = destination.id(recordId, recordKey, event.row());
                    if (id == null) {
                        unkeyed(destination, record);
                        continue;
                    }
                    DocumentAdapter.Adapted adapted = destination.adapter().adapt(source);
                    if (adapted.droppedValues() > 0) {
                        droppedValues(destination.index(), adapted.droppedValues(), record);
                    }
                    items.add(BulkItem.index(new DocKey(destination.index(), id), event.position(), adapted.source(), record, entry,
                            destination.bestEffort()));
                }
                add(items, entry);
            }
        }
    }

    /**
     * The change of a record lacking the values of unchanged TOAST columns: per destination, the
     * document without those fields and their names in that index.
     */
    private UnchangedColumnsChange unchangedColumnsChange(SinkRecord record, OffsetTracker.Entry entry, long position, String recordId,
            KeyColumns recordKey, Object row, IndexTarget target, String source, Set<String> unchanged, List<Destination> destinations) {
        JsonObjectBuilder written = JSON.createObjectBuilder(EsResponse.parse(source));
        unchanged.forEach(written::remove);
        JsonObject document = written.build();
        List<UnchangedColumnsChange.Part> parts = new ArrayList<>(2);
        for (Destination destination : destinations) {
            String id = destination.id(recordId, recordKey, row);
            if (id == null) {
                unkeyed(destination, record);
                continue;
            }
            DocumentAdapter.Adapted adapted = destination.adapter().adapt(document);
            if (adapted.droppedValues() > 0) {
                droppedValues(destination.index(), adapted.droppedValues(), record);
            }
            List<String> fields = unchanged.stream().map(destination.adapter()::fieldName).filter(Objects::nonNull).toList();
            parts.add(new UnchangedColumnsChange.Part(new DocKey(destination.index(), id), destination.bestEffort(),
                    EsResponse.parse(adapted.source()), fields, indexes.copySource(target, destination.index()).orElse(null)));
        }
        return new UnchangedColumnsChange(record, entry, position, parts);
    }

    /** Writes the changes waiting for stored values of unchanged columns (see {@link StoredValueMerger}). */
    public void resolveUnchangedColumns() {
        storedValues.resolve();
    }

    /** The record key's columns, cached per key schema. */
    private KeyColumns keyColumns(SinkRecord record) {
        Schema keySchema = record.keySchema();
        if (keySchema == null) {
            return null;
        }
        KeyColumns columns = keyColumns.get(keySchema);
        if (columns == null && !keyColumns.containsKey(keySchema)) {
            if (keyColumns.size() >= MAX_CACHED_ALIASES) {
                keyColumns.clear();
            }
            columns = KeyColumns.of(keySchema);
            keyColumns.put(keySchema, columns);
        }
        return columns;
    }

    /**
     * A change whose row lacks the key columns of one of its indexes (a delete, which has no row,
     * going to an index keyed by other columns than the record: the index being replaced by a
     * re-keying copy, or the new index for a delete of the old key).
     */
    private void unkeyed(Destination destination, SinkRecord record) {
        long total = ++unkeyed;
        if (destination.bestEffort()) {
            LOG.debug("{}: no _id in {} (keyed by {}), skipped there", ErrantRecordRouter.describe(record), destination.index(),
                    destination.key().names());
        } else if (total <= 10 || total % 1_000 == 0) {
            LOG.warn("{}: its key has other columns than index {} ({}) and its row does not have them, so it cannot be applied"
                    + " there ({} so far); it is a change from before the primary key changed", ErrantRecordRouter.describe(record),
                    destination.index(), destination.key().names(), total);
        }
    }

    /** Hands over the actions of one record; it is settled when all of them are. */
    private void add(List<BulkItem> items, OffsetTracker.Entry entry) {
        if (items.isEmpty()) {
            entry.settle();
            return;
        }
        if (items.size() == 1) {
            storedValues.resolveIfHolding(List.of(items.get(0).key()));
        } else {
            storedValues.resolveIfHolding(items.stream().map(BulkItem::key).toList());
        }
        entry.addParts(items.size() - 1);
        items.forEach(bulk::add);
    }

    private void droppedValues(String index, int count, SinkRecord record) {
        long total = droppedValues += count;
        if (total - count < 10 || total / 1_000 != (total - count) / 1_000) {
            LOG.warn("{} value(s) of {} could not be converted to the mapping of {} and were left out ({} so far)", count,
                    ErrantRecordRouter.describe(record), index, total);
        }
    }

    private void truncate(String alias, long position, OffsetTracker.Entry entry) {
        if (records.truncateBehavior() == TruncateBehavior.RECREATE) {
            storedValues.resolve();
            bulk.awaitAll();
            indexes.truncate(alias, position);
        }
        entry.settle();
    }

    private void writeNullValue(SinkRecord record, OffsetTracker.Entry entry) {
        NullValueBehavior behavior = records.nullValueBehavior();
        if (behavior == NullValueBehavior.FAIL) {
            throw new BadRecordException("the record has a null value and behavior.on.null.values=fail");
        }
        if (behavior == NullValueBehavior.IGNORE) {
            entry.settle();
            return;
        }
        String alias = aliasOf(TableRef.of(record.topic(), null, null, null));
        IndexTarget target = indexes.forRow(alias, null, 0);
        String id = ids.encode(record.keySchema(), record.key());
        List<BulkItem> items = new ArrayList<>(2);
        for (Destination destination : indexes.destinations(target, null)) {
            items.add(BulkItem.delete(new DocKey(destination.index(), id), BulkItem.UNVERSIONED, record, entry));
        }
        add(items, entry);
    }

    private String aliasOf(TableRef table) {
        String alias = aliases.get(table);
        if (alias == null) {
            try {
                alias = nameTemplate.resolve(table::token);
            } catch (IllegalArgumentException e) {
                throw new BadRecordException(e.getMessage(), e);
            }
            if (aliases.size() >= MAX_CACHED_ALIASES) {
                aliases.clear();
            }
            aliases.put(table, alias);
        }
        return alias;
    }
}
