package dev.cdc.schema.history;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * A {@link SchemaHistory} held in memory: per table, a map from position to entry. For tests,
 * and as the working set that a durable history loads at start. Thread-safe: all methods are
 * synchronized on this instance.
 */
public final class InMemorySchemaHistory implements SchemaHistory {
    private final Map<TableId, NavigableMap<Long, SchemaHistoryEntry>> byTable = new HashMap<>();

    @Override
    public synchronized void record(SchemaHistoryEntry entry) {
        requireNonNull(entry, "entry is null");
        byTable.computeIfAbsent(entry.table(), table -> new TreeMap<>()).put(entry.position(), entry);
    }

    @Override
    public synchronized Optional<TableSchema> schemaAt(TableId table, long position) {
        requireNonNull(table, "table is null");
        NavigableMap<Long, SchemaHistoryEntry> entries = byTable.get(table);
        if (entries == null) {
            return Optional.empty();
        }
        Entry<Long, SchemaHistoryEntry> floor = entries.floorEntry(position);
        return floor == null ? Optional.empty() : floor.getValue().schema();
    }

    @Override
    public synchronized Set<TableId> tablesAt(long position) {
        Set<TableId> tables = new TreeSet<>();
        for (TableId table : byTable.keySet()) {
            if (schemaAt(table, position).isPresent()) {
                tables.add(table);
            }
        }
        return Collections.unmodifiableSet(tables);
    }

    @Override
    public synchronized List<SchemaHistoryEntry> entries() {
        List<SchemaHistoryEntry> all = new ArrayList<>();
        byTable.values().forEach(entries -> all.addAll(entries.values()));
        all.sort(Comparator.comparingLong(SchemaHistoryEntry::position).thenComparing(SchemaHistoryEntry::table));
        return List.copyOf(all);
    }
}
