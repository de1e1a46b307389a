package dev.cdc.sink.elasticsearch.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the properties a row needs with those an index has: which fields to add with a
 * put-mapping, and which the live mapping cannot take (a different type), which need a new index
 * version (not done yet: the document is sent and Elasticsearch decides).
 */
public record MappingComparison(Map<String, Object> missing, List<String> conflicts) {
    public MappingComparison {
        missing = Map.copyOf(missing);
        conflicts = List.copyOf(conflicts);
    }

    /** Compares the top-level fields of {@code wanted} with {@code existing}. */
    public static MappingComparison of(Map<String, Object> existing, Map<String, Object> wanted) {
        Map<String, Object> missing = new LinkedHashMap<>();
        List<String> conflicts = new java.util.ArrayList<>();
        wanted.forEach((name, mapping) -> {
            Object current = existing.get(name);
            if (current == null) {
                missing.put(name, mapping);
            } else if (!Objects.equals(typeOf(current), typeOf(mapping))) {
                conflicts.add(name + " is " + typeOf(current) + " in the index, the record needs " + typeOf(mapping));
            }
        });
        return new MappingComparison(missing, conflicts);
    }

    private static String typeOf(Object mapping) {
        if (mapping instanceof Map<?, ?> map) {
            Object type = map.get("type");
            return type == null ? "object" : type.toString();
        }
        return String.valueOf(mapping);
    }

    public boolean isEmpty() {
        return missing.isEmpty();
    }
}
