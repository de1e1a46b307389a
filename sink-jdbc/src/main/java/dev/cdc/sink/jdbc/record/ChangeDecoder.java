package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import dev.cdc.core.event.DecodedChange;
import dev.cdc.core.event.EnvelopeReader;
import dev.cdc.sink.jdbc.config.DeleteConfig;
import dev.cdc.sink.jdbc.config.PrimaryKeyMode;
import dev.cdc.sink.jdbc.config.TableNameFormat;
import dev.cdc.sink.jdbc.table.TableRef;

/**
 * Turns a sink record (our envelope, Debezium's, a flat row, a tombstone) into the
 * {@link SinkChange} to apply, or nothing: tombstones are skipped (the delete before them was
 * applied), and deletes and truncates when they are disabled. Unchanged TOAST columns, by
 * Debezium's placeholder or our {@link UnchangedToastHeader}, become {@link UnavailableValue}s.
 * Used by the task thread only.
 */
public final class ChangeDecoder {
    private final TableNameFormat tableNames;
    private final DeleteConfig deletes;
    private final PrimaryKeyMode keyMode;
    private final RecordShapes shapes;

    public ChangeDecoder(TableNameFormat tableNames, DeleteConfig deletes, PrimaryKeyMode keyMode, RecordShapes shapes) {
        this.tableNames = requireNonNull(tableNames, "tableNames is null");
        this.deletes = requireNonNull(deletes, "deletes is null");
        this.keyMode = requireNonNull(keyMode, "keyMode is null");
        this.shapes = requireNonNull(shapes, "shapes is null");
    }

    /**
     * The change of a record, or empty when there is nothing to do.
     *
     * @throws DataException naming the record when it cannot be applied
     */
    public Optional<SinkChange> decode(SinkRecord record) {
        requireNonNull(record, "record is null");
        DecodedChange change = EnvelopeReader.read(record);
        SinkChange.Kind kind = switch (change.action()) {
            case TOMBSTONE -> null;
            case DELETE -> deletes.deleteEnabled() ? SinkChange.Kind.DELETE : null;
            case TRUNCATE -> deletes.truncateEnabled() ? SinkChange.Kind.TRUNCATE : null;
            case UPSERT -> SinkChange.Kind.UPSERT;
        };
        if (kind == null) {
            return Optional.empty();
        }
        TableRef table = table(record, change.source());
        if (kind == SinkChange.Kind.TRUNCATE) {
            Long position = change.position().isPresent() ? change.position().getAsLong() : null;
            return Optional.of(new SinkChange(record, kind, table, null, new Object[0], new Object[0], position));
        }
        Struct row = change.row();
        RecordShape shape = shapes.shape(table, record.keySchema(), row == null ? null : row.schema());
        Long position = keyMode == PrimaryKeyMode.NONE ? (change.position().isPresent() ? change.position().getAsLong() : null)
                : change.requirePosition();
        Object[] key = shape.keyValues(record.key(), row);
        Object[] values = kind == SinkChange.Kind.DELETE ? new Object[0] : shape.rowValues(row, UnchangedToastHeader.columns(record));
        return Optional.of(new SinkChange(record, kind, table, shape, key, values, position));
    }

    private TableRef table(SinkRecord record, Struct source) {
        try {
            return TableRef.parse(tableNames.resolve(record.topic(), name -> sourceField(source, name)));
        } catch (IllegalArgumentException e) {
            throw new DataException("Record at topic " + record.topic() + " partition " + record.kafkaPartition() + " offset "
                    + record.kafkaOffset() + ": " + e.getMessage(), e);
        }
    }

    private static String sourceField(Struct source, String name) {
        if (source == null) {
            return null;
        }
        Field field = source.schema().field(name);
        Object value = field == null ? null : source.get(field);
        return value == null ? null : value.toString();
    }
}
