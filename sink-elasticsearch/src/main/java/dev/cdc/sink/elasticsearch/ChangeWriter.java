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
import dev.cdc.sink.elasticsearch.event.ChangeEvent;
import dev.cdc.sink.elasticsearch.event.ChangeEventReader;
import dev.cdc.sink.elasticsearch.event.TableRef;
import dev.cdc.sink.elasticsearch.index.IndexManager;
import dev.cdc.sink.elasticsearch.index.IndexTarget;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns each record into its Elasticsearch action, on the task thread:
 * <ul>
 *   <li>c, u, r: index the after-image under the key's {@code _id}, version = source position,
 *       {@code version_type=external_gte};</li>
 *   <li>d: a tombstone document {@code {"__cdc_deleted":true}} with the same versioning
 *       ({@code delete.behavior=tombstone}), or a versioned delete;</li>
 *   <li>t: waits for every write in flight, then empties the index (see {@link IndexManager#truncate});</li>
 *   <li>a null value: skipped, or an unversioned delete, or a bad record ({@code behavior.on.null.values});</li>
 *   <li>a change older than the index's last truncate: skipped.</li>
 * </ul>
 * Every record is tracked for offset commits from the moment it arrives; a bad record goes to the
 * {@link ErrantRecordRouter}.
 */
public final class ChangeWriter {
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

    public ChangeWriter(ElasticsearchSinkConfig config, ChangeEventReader reader, IndexManager indexes, BulkWriter bulk,
            OffsetTracker offsets, ErrantRecordRouter errors) {
        this.records = requireNonNull(config, "config is null").records();
        this.nameTemplate = config.index().nameTemplate();
        this.documents = new DocumentWriter(config.index().decimalMapping(), config.index().jsonMapping());
        this.reader = requireNonNull(reader, "reader is null");
        this.indexes = requireNonNull(indexes, "indexes is null");
        this.bulk = requireNonNull(bulk, "bulk is null");
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    /** Queues the action of one record; may block while Elasticsearch catches up. */
    public void write(SinkRecord record) {
        OffsetTracker.Entry entry = offsets.track(record);
        try {
            if (record.value() == null) {
                writeNullValue(record, entry);
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
                IndexTarget target = indexes.forRow(alias, null);
                DocKey key = new DocKey(target.index(), ids.encode(record.keySchema(), record.key()));
                if (target.predatesTruncate(event.position())) {
                    entry.settle();
                } else if (records.deleteBehavior() == DeleteBehavior.TOMBSTONE) {
                    bulk.add(BulkItem.index(key, event.position(), TOMBSTONE, record, entry));
                } else {
                    bulk.add(BulkItem.delete(key, event.position(), record, entry));
                }
            }
            case CREATE, UPDATE, READ -> {
                String id = ids.encode(record.keySchema(), record.key());
                IndexTarget target = indexes.forRow(alias, event.rowSchema());
                if (target.predatesTruncate(event.position())) {
                    entry.settle();
                } else {
                    String source = documents.write(event.rowSchema(), event.row());
                    bulk.add(BulkItem.index(new DocKey(target.index(), id), event.position(), source, record, entry));
                }
            }
        }
    }

    private void truncate(String alias, long position, OffsetTracker.Entry entry) {
        if (records.truncateBehavior() == TruncateBehavior.RECREATE) {
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
        IndexTarget target = indexes.forRow(alias, null);
        bulk.add(BulkItem.delete(new DocKey(target.index(), ids.encode(record.keySchema(), record.key())), BulkItem.UNVERSIONED,
                record, entry));
    }

    private String aliasOf(TableRef table) {
        try {
            return nameTemplate.resolve(table::token);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage(), e);
        }
    }
}
