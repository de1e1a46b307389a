package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data of an {@code execute-snapshot} signal, Debezium's format:
 * {@code {"data-collections": ["inventory.orders", ...], "type": "incremental"}}. Table names are
 * exact {@code database.table} names (no patterns); {@code type} may be left out, and only
 * {@code incremental} (a chunked snapshot while streaming goes on) is supported.
 */
public record ExecuteSnapshot(List<TableId> tables) {
    public ExecuteSnapshot {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    /**
     * Parses a signal's data.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static ExecuteSnapshot parse(String data) {
        Map<String, Object> json = SignalJson.parseObject(data);
        Object type = json.getOrDefault("type", "incremental");
        if (!"incremental".equalsIgnoreCase(String.valueOf(type))) {
            throw new IllegalArgumentException("snapshot type '" + type + "' is not supported; only \"incremental\" (the default)");
        }
        if (!(json.get("data-collections") instanceof List<?> collections) || collections.isEmpty()) {
            throw new IllegalArgumentException("\"data-collections\" must be a non-empty array of \"database.table\" names");
        }
        List<TableId> tables = new ArrayList<>();
        for (Object collection : collections) {
            String name = collection instanceof String text ? text.strip() : "";
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
                throw new IllegalArgumentException("\"data-collections\" entry " + (collection instanceof String ? "'" + collection + "'" : collection)
                        + " is not a \"database.table\" name");
            }
            tables.add(TableId.ofCatalogTable(name.substring(0, dot), name.substring(dot + 1)));
        }
        return new ExecuteSnapshot(tables);
    }
}
