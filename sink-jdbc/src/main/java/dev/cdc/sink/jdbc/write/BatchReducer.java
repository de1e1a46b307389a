package dev.cdc.sink.jdbc.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cdc.sink.jdbc.record.FieldColumn;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.record.UnavailableValue;

/**
 * Reduces the changes of a batch to the last change of each key (table and key values). Changes
 * without a key are all kept. Safe with the position guard: the last change of a key in arrival
 * order is its newest, and it alone decides the row's final state (an upsert writes the row, a
 * delete removes it and records its position). One exception keeps TOAST values: when the last
 * upsert lacks a column's value (Debezium's placeholder, or our unchanged-TOAST header) and an
 * earlier upsert of the key in the batch has it (an insert, or an update that changed it), the last
 * one takes it over, matched by column name and type, so also across a change of the record
 * schema; otherwise the reduction would drop the earlier value and keep the stale stored one (or
 * write NULL into a row the batch creates).
 */
public final class BatchReducer {
    private BatchReducer() {
    }

    public static List<PendingChange> reduce(List<PendingChange> changes) {
        Map<Object, PendingChange> last = new LinkedHashMap<>();
        int unkeyed = 0;
        for (PendingChange change : changes) {
            SinkChange sinkChange = change.change();
            Object key = sinkChange.key().length == 0 ? Integer.valueOf(unkeyed++) : sinkChange.rowKey();
            PendingChange previous = last.remove(key);
            last.put(key, previous == null ? change : withAvailableValues(change, previous));
        }
        return new ArrayList<>(last.values());
    }

    private static PendingChange withAvailableValues(PendingChange latest, PendingChange previous) {
        SinkChange change = latest.change();
        SinkChange earlier = previous.change();
        if (change.kind() != SinkChange.Kind.UPSERT || earlier.kind() != SinkChange.Kind.UPSERT || !hasUnavailable(change.row())) {
            return latest;
        }
        Object[] merged = change.row().clone();
        List<FieldColumn> columns = change.shape().valueColumns();
        List<FieldColumn> earlierColumns = earlier.shape().valueColumns();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] == UnavailableValue.INSTANCE) {
                int from = change.shape() == earlier.shape() ? i : indexOf(earlierColumns, columns.get(i));
                if (from >= 0) {
                    merged[i] = earlier.row()[from];
                }
            }
        }
        return new PendingChange(new SinkChange(change.record(), change.kind(), change.table(), change.shape(), change.key(), merged,
                change.position()), latest.binding());
    }

    private static int indexOf(List<FieldColumn> columns, FieldColumn wanted) {
        for (int i = 0; i < columns.size(); i++) {
            FieldColumn column = columns.get(i);
            if (column.name().equals(wanted.name()) && column.type().equals(wanted.type())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasUnavailable(Object[] row) {
        for (Object value : row) {
            if (value == UnavailableValue.INSTANCE) {
                return true;
            }
        }
        return false;
    }
}
