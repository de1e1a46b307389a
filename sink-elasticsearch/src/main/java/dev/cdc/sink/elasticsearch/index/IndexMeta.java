package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.backfill.ColumnDefault;
import dev.cdc.sink.elasticsearch.backfill.JsonValues;
import dev.cdc.sink.elasticsearch.document.KeyColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the sink keeps in an index's {@code _meta.cdc}, so that a restarted task knows it:
 * <pre>
 * {"cdc": {"truncated_before": 1200,      changes older than this are dropped (-1: never truncated)
 *          "schema_position": 3400,       the mapping holds from this change on (-1: from the start)
 *          "renames": {"qty": "quantity"}, column renames taken in so far
 *          "reindex_from": "shop.orders_v1", the index this one is a copy of (absent: none)
 *          "reindex_renames": {"qty": "quantity"}, renames applied by that copy
 *          "key": {"columns": ["id", "region"], "quoted": []}, the documents' primary-key columns (absent: not known yet)
 *          "reindex_rekey": true,            that copy computes new _ids from the key columns
 *          "column_defaults": {"status": {"value": "new", "position": 5100}}}}
 *                                            columns added with a constant default, and where
 * </pre>
 */
record IndexMeta(long truncatedBefore, long schemaPosition, Map<String, String> renames, String reindexFrom,
        Map<String, String> reindexRenames, KeyColumns key, boolean reindexRekey, Map<String, ColumnDefault> columnDefaults) {
    static final String KEY = "cdc";
    static final IndexMeta FIRST = new IndexMeta(-1, -1, Map.of(), null, Map.of());

    IndexMeta {
        renames = Map.copyOf(requireNonNull(renames, "renames is null"));
        reindexRenames = Map.copyOf(requireNonNull(reindexRenames, "reindexRenames is null"));
        columnDefaults = Map.copyOf(requireNonNull(columnDefaults, "columnDefaults is null"));
    }

    IndexMeta(long truncatedBefore, long schemaPosition, Map<String, String> renames, String reindexFrom,
            Map<String, String> reindexRenames, KeyColumns key, boolean reindexRekey) {
        this(truncatedBefore, schemaPosition, renames, reindexFrom, reindexRenames, key, reindexRekey, Map.of());
    }

    IndexMeta(long truncatedBefore, long schemaPosition, Map<String, String> renames, String reindexFrom,
            Map<String, String> reindexRenames) {
        this(truncatedBefore, schemaPosition, renames, reindexFrom, reindexRenames, null, false);
    }

    IndexMeta truncatedAt(long position) {
        return new IndexMeta(position, schemaPosition, renames, null, Map.of(), key, false, columnDefaults);
    }

    IndexMeta withKey(KeyColumns columns) {
        return new IndexMeta(truncatedBefore, schemaPosition, renames, reindexFrom, reindexRenames, columns, reindexRekey, columnDefaults);
    }

    IndexMeta withColumnDefaults(Map<String, ColumnDefault> defaults) {
        return new IndexMeta(truncatedBefore, schemaPosition, renames, reindexFrom, reindexRenames, key, reindexRekey, defaults);
    }

    Map<String, Object> toMeta() {
        Map<String, Object> cdc = new LinkedHashMap<>();
        cdc.put("truncated_before", truncatedBefore);
        cdc.put("schema_position", schemaPosition);
        cdc.put("renames", renames);
        if (reindexFrom != null) {
            cdc.put("reindex_from", reindexFrom);
            cdc.put("reindex_renames", reindexRenames);
        }
        if (key != null) {
            cdc.put("key", Map.of("columns", key.names(), "quoted", List.copyOf(key.quotedNumbers())));
        }
        if (reindexRekey) {
            cdc.put("reindex_rekey", true);
        }
        if (!columnDefaults.isEmpty()) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            columnDefaults.forEach((field, column) -> defaults.put(field,
                    Map.of("value", JsonValues.toJava(column.value()), "position", column.position())));
            cdc.put("column_defaults", defaults);
        }
        return Map.of(KEY, cdc);
    }

    static IndexMeta fromMeta(Map<String, Object> meta) {
        if (!(meta.get(KEY) instanceof Map<?, ?> cdc)) {
            return FIRST;
        }
        return new IndexMeta(number(cdc.get("truncated_before")), number(cdc.get("schema_position")), strings(cdc.get("renames")),
                cdc.get("reindex_from") instanceof String from ? from : null, strings(cdc.get("reindex_renames")), key(cdc.get("key")),
                Boolean.TRUE.equals(cdc.get("reindex_rekey")), columnDefaults(cdc.get("column_defaults")));
    }

    private static Map<String, ColumnDefault> columnDefaults(Object value) {
        Map<String, ColumnDefault> defaults = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((field, entry) -> {
                if (entry instanceof Map<?, ?> column && column.containsKey("value")) {
                    defaults.put(String.valueOf(field), new ColumnDefault(String.valueOf(field), JsonValues.of(column.get("value")),
                            number(column.get("position"))));
                }
            });
        }
        return defaults;
    }

    private static KeyColumns key(Object value) {
        if (value instanceof Map<?, ?> key && key.get("columns") instanceof List<?> columns && !columns.isEmpty()) {
            List<String> names = columns.stream().map(String::valueOf).toList();
            Set<String> quoted = key.get("quoted") instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
            return new KeyColumns(names, quoted);
        }
        return null;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : -1;
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, text) -> strings.put(String.valueOf(key), String.valueOf(text)));
        }
        return strings;
    }
}
