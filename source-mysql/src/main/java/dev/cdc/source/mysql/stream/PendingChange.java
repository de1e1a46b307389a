package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.TransactionBlock;
import dev.cdc.source.mysql.offset.StreamOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A decoded row change whose records are made only when it is enqueued, because its offset is
 * known only then: the last change of a transaction gets the offset after the transaction's
 * commit, so a committed offset never points back into a finished transaction.
 */
record PendingChange(Kind kind, TableBinding table, Struct key, Struct before, Struct after, SourceInfo source,
        TransactionBlock transaction, StreamOffset offset, boolean tombstone, boolean completesRow) {
    enum Kind { CREATE, UPDATE, DELETE }

    PendingChange {
        requireNonNull(kind, "kind is null");
        requireNonNull(table, "table is null");
        requireNonNull(source, "source is null");
        requireNonNull(offset, "offset is null");
    }

    /**
     * The offset of a record that does not yet complete its row (a delete before its tombstone, the
     * delete half of a primary-key change): a restart from it emits the whole row again, so a crash
     * between the records of one row loses none of them.
     */
    StreamOffset incompleteOffset() {
        return offset.withSkip(offset.event(), offset.row() - 1);
    }

    List<SourceRecord> records(Map<String, ?> partition, Map<String, ?> offsetMap) {
        EventContext context = new EventContext(partition, offsetMap, source, transaction);
        return switch (kind) {
            case CREATE -> List.of(table.records().create(key, after, context));
            case UPDATE -> List.of(table.records().update(key, before, after, context));
            case DELETE -> {
                SourceRecord delete = table.records().delete(key, before, context);
                yield tombstone && key != null ? List.of(delete, table.records().tombstone(delete)) : List.of(delete);
            }
        };
    }
}
