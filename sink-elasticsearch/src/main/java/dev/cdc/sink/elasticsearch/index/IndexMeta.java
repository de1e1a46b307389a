package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sink keeps in an index's {@code _meta.cdc}, so that a restarted task knows it:
 * <pre>
 * {"cdc": {"truncated_before": 1200,      changes older than this are dropped (-1: never truncated)
 *          "schema_position": 3400,       the mapping holds from this change on (-1: from the start)
 *          "renames": {"qty": "quantity"}, column renames taken in so far
 *          "reindex_from": "shop.orders_v1", the index this one is a copy of (absent: none)
 *          "reindex_renames": {"qty": "quantity"}}} renames applied by that copy
 * </pre>
 */
record IndexMeta(long truncatedBefore, long schemaPosition, Map<String, String> renames, String reindexFrom,
        Map<String, String> reindexRenames) {
    static final String KEY = "cdc";
    static final IndexMeta FIRST = new IndexMeta(-1, -1, Map.of(), null, Map.of());

    IndexMeta {
        renames = Map.copyOf(requireNonNull(renames, "renames is null"));
        reindexRenames = Map.copyOf(requireNonNull(reindexRenames, "reindexRenames is null"));
    }

    IndexMeta truncatedAt(long position) {
        return new IndexMeta(position, schemaPosition, renames, null, Map.of());
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
        return Map.of(KEY, cdc);
    }

    static IndexMeta fromMeta(Map<String, Object> meta) {
        if (!(meta.get(KEY) instanceof Map<?, ?> cdc)) {
            return FIRST;
        }
        return new IndexMeta(number(cdc.get("truncated_before")), number(cdc.get("schema_position")), strings(cdc.get("renames")),
                cdc.get("reindex_from") instanceof String from ? from : null, strings(cdc.get("reindex_renames")));
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
