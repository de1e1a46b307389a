package dev.cdc.sink.elasticsearch.reindex;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.document.KeyColumns;
import dev.cdc.sink.elasticsearch.mapping.MappingComparison;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reindex of an alias: copy every document of {@code source} (the index behind the alias)
 * into {@code target} ({@code <alias>_v<N+1>}, created with the new mapping), renaming the fields
 * in {@code renames} and converting the values of fields whose mapping differs, then move the
 * alias. Everything here can be recomputed after a restart: the renames are in the target's
 * {@code _meta}, the conversions follow from the two mappings.
 *
 * @param sourceProperties top-level mapping of the source index
 * @param targetProperties top-level mapping of the target index
 * @param renames          field {@code from} of the source is field {@code to} of the target
 * @param rekey            the target's key columns when the primary key changed: each copied document's
 *                         {@code _id} is computed from them (documents lacking them, tombstones, are left
 *                         out); null keeps the source's {@code _id}s
 */
public record ReindexPlan(String alias, String source, String target, Map<String, Object> sourceProperties,
        Map<String, Object> targetProperties, Map<String, String> renames, KeyColumns rekey) {
    public ReindexPlan {
        requireNonNull(alias, "alias is null");
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        sourceProperties = Map.copyOf(requireNonNull(sourceProperties, "sourceProperties is null"));
        targetProperties = Map.copyOf(requireNonNull(targetProperties, "targetProperties is null"));
        renames = Map.copyOf(requireNonNull(renames, "renames is null"));
    }

    public ReindexPlan(String alias, String source, String target, Map<String, Object> sourceProperties,
            Map<String, Object> targetProperties, Map<String, String> renames) {
        this(alias, source, target, sourceProperties, targetProperties, renames, null);
    }

    /** How the copy rewrites a document of the source for the target. */
    public DocumentAdapter sourceToTarget() {
        return adapter(sourceProperties, targetProperties, renames, false);
    }

    /**
     * An adapter that writes documents shaped like {@code from} (a row's mapping, or an index's)
     * into an index mapped as {@code to}: fields renamed by {@code renames} (only when the
     * document lacks the new name), values of fields whose mapping differs converted, and, with
     * {@code onlyKnownFields}, fields {@code to} does not map left out.
     */
    public static DocumentAdapter adapter(Map<String, Object> from, Map<String, Object> to, Map<String, String> renames,
            boolean onlyKnownFields) {
        Map<String, String> applicable = new HashMap<>();
        Map<String, Object> renamed = new LinkedHashMap<>(from);
        renames.forEach((old, now) -> {
            if (from.containsKey(old) && !from.containsKey(now)) {
                applicable.put(old, now);
                renamed.put(now, renamed.remove(old));
            }
        });
        Map<String, Map<String, Object>> conversions = new HashMap<>();
        boolean unknown = false;
        for (Map.Entry<String, Object> field : renamed.entrySet()) {
            Object wanted = to.get(field.getKey());
            if (wanted == null) {
                unknown = true;
            } else if (!MappingComparison.sameSignature(field.getValue(), wanted) && wanted instanceof Map<?, ?> mapping) {
                conversions.put(field.getKey(), castMapping(mapping));
            }
        }
        if (applicable.isEmpty() && conversions.isEmpty() && !(onlyKnownFields && unknown)) {
            return DocumentAdapter.IDENTITY;
        }
        return new DocumentAdapter(applicable, conversions, onlyKnownFields ? to.keySet() : null);
    }

    /** {@code to → from} for each rename. */
    public static Map<String, String> reversed(Map<String, String> renames) {
        Map<String, String> reversed = new HashMap<>();
        renames.forEach((from, to) -> reversed.put(to, from));
        return reversed;
    }

    /** Renames {@code first} then {@code second}, as one map: {@code a→b} then {@code b→c} gives {@code a→c, b→c}. */
    public static Map<String, String> compose(Map<String, String> first, Map<String, String> second) {
        Map<String, String> composed = new HashMap<>();
        first.forEach((from, to) -> composed.put(from, second.getOrDefault(to, to)));
        second.forEach(composed::putIfAbsent);
        composed.entrySet().removeIf(rename -> rename.getKey().equals(rename.getValue()));
        return composed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMapping(Map<?, ?> mapping) {
        return (Map<String, Object>) mapping;
    }
}
