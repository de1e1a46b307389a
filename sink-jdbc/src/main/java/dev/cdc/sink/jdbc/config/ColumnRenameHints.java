package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cdc.schema.diff.ColumnRename;

/**
 * Column renames the sink cannot see in a record schema alone ({@code schema.evolution.column.renames}):
 * a comma-separated list of {@code table.old_column:new_column}, where {@code table} is the target
 * table name (without schema). When the target has {@code old_column} and not {@code new_column},
 * and the records carry {@code new_column} and not {@code old_column}, the sink renames the column,
 * keeping its values, instead of adding a new one. Immutable.
 */
public final class ColumnRenameHints {
    private final Map<String, List<ColumnRename>> byTable;

    private ColumnRenameHints(Map<String, List<ColumnRename>> byTable) {
        this.byTable = Map.copyOf(byTable);
    }

    public static ColumnRenameHints none() {
        return new ColumnRenameHints(Map.of());
    }

    /**
     * Parses the comma-separated list.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code table.old:new}
     */
    public static ColumnRenameHints parse(String text) {
        requireNonNull(text, "text is null");
        Map<String, List<ColumnRename>> byTable = new LinkedHashMap<>();
        for (String raw : text.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int dot = entry.lastIndexOf('.', entry.indexOf(':'));
            int colon = entry.indexOf(':');
            if (colon < 0 || dot <= 0 || dot > colon - 2 || colon == entry.length() - 1 || entry.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("entry '" + entry + "' is not table.old_column:new_column, e.g. "
                        + "customers.name:full_name");
            }
            String table = entry.substring(0, dot);
            String from = entry.substring(dot + 1, colon);
            String to = entry.substring(colon + 1);
            if (from.equals(to)) {
                throw new IllegalArgumentException("entry '" + entry + "' renames a column to itself");
            }
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new ColumnRename(from, to));
        }
        byTable.replaceAll((table, renames) -> List.copyOf(renames));
        return new ColumnRenameHints(byTable);
    }

    /** The hints for one target table name. */
    public List<ColumnRename> forTable(String table) {
        return byTable.getOrDefault(requireNonNull(table, "table is null"), List.of());
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }
}
