package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.types.MySqlTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The table bindings the reader decodes rows with, keyed by the binlog's table number. Each table
 * map (written with {@code binlog_row_metadata=FULL}) describes the table exactly as it was when
 * the rows that follow were written, so rows are always decoded with the schema valid at their
 * position, however far the connector lags behind a DDL. A table map equal to the last one of its
 * number reuses the binding; a different one (after a DDL) builds a new binding, and the records
 * that follow carry the new Connect schema. Owned by the reader thread.
 */
public final class TableMapCache {
    private final TableMapReader reader;
    private final CaptureFilter filter;
    private final TableBinding.Factory bindings;
    private final Map<Long, Cached> byNumber = new HashMap<>();
    private final Map<TableId, TableBinding> latestByTable = new HashMap<>();

    public TableMapCache(TableMapReader reader, CaptureFilter filter, TableBinding.Factory bindings) {
        this.reader = requireNonNull(reader, "reader is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.bindings = requireNonNull(bindings, "bindings is null");
    }

    /** Reads a table map; the binding when the table is captured. */
    public Optional<TableBinding> onTableMap(TableMapEventData map) {
        if (!filter.isTableCaptured(map.getDatabase(), map.getTable())) {
            byNumber.remove(map.getTableId());
            return Optional.empty();
        }
        Cached cached = byNumber.get(map.getTableId());
        if (cached != null && cached.sameAs(map)) {
            return Optional.of(cached.binding);
        }
        MySqlTable table = reader.read(map);
        TableBinding latest = latestByTable.get(table.id());
        TableBinding binding = latest != null && latest.table().equals(table) ? latest : bindings.bind(table);
        byNumber.put(map.getTableId(), new Cached(map, binding));
        latestByTable.put(table.id(), binding);
        return Optional.of(binding);
    }

    /** The binding of the table a rows event refers to; empty when that table is not captured. */
    public Optional<TableBinding> forRows(long tableNumber) {
        Cached cached = byNumber.get(tableNumber);
        return cached == null ? Optional.empty() : Optional.of(cached.binding);
    }

    /** The latest binding seen for a table, or one built from {@code fallback} (e.g. information_schema). */
    public TableBinding latest(TableId table, Optional<MySqlTable> fallback) {
        TableBinding latest = latestByTable.get(table);
        if (latest != null) {
            return latest;
        }
        return fallback.map(bindings::bind).orElse(null);
    }

    /** Forgets the binding of a table after a DDL; the next table map rebuilds it. */
    public void forget(TableId table) {
        latestByTable.remove(table);
        byNumber.values().removeIf(cached -> cached.binding.id().equals(table));
    }

    private record Cached(TableMapEventData map, TableBinding binding) {
        boolean sameAs(TableMapEventData other) {
            return map == other || (Arrays.equals(map.getColumnTypes(), other.getColumnTypes())
                    && Arrays.equals(map.getColumnMetadata(), other.getColumnMetadata())
                    && Objects.equals(map.getColumnNullability(), other.getColumnNullability())
                    && map.getDatabase().equals(other.getDatabase()) && map.getTable().equals(other.getTable())
                    && Objects.equals(String.valueOf(map.getEventMetadata()), String.valueOf(other.getEventMetadata())));
        }
    }
}
