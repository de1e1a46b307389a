package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Column renames this task applied from schema-change events. Records of the older schema that
 * arrive after the rename (their topic lags behind the schema-change topic) carry the old name and
 * not the new one; their values go to the renamed column instead of bringing the old column back.
 * Kept in memory for the task's life. Used by the task thread only.
 */
public final class RenamedColumns {
    private final Map<TableRef, Map<String, String>> byTable = new HashMap<>();

    public void renamed(TableRef table, String from, String to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        Map<String, String> renames = byTable.computeIfAbsent(requireNonNull(table, "table is null"), t -> new HashMap<>());
        renames.replaceAll((old, current) -> current.equals(from) ? to : current);
        renames.put(from, to);
        renames.remove(to);
    }

    /**
     * The target column of a record field: the renamed one when the field carries an old name and
     * the record does not carry the new one, else the field's own name.
     */
    public String targetName(TableRef table, String field, Set<String> recordFields) {
        String renamed = byTable.getOrDefault(table, Map.of()).get(field);
        return renamed == null || recordFields.contains(renamed) ? field : renamed;
    }

    public void forget(TableRef table) {
        byTable.remove(table);
    }
}
