package dev.cdc.sink.elasticsearch.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the properties a row needs with those an index has: which fields to add with a
 * put-mapping, and which the live mapping cannot take. A field conflicts when its
 * {@linkplain #signature signature} differs: its type, a date's format, a scaled_float's scaling
 * factor. Elasticsearch cannot change those in place; the sink then reindexes into a new index
 * version.
 */
public record MappingComparison(Map<String, Object> missing, List<String> conflicts) {
    /** The format of a {@code date} field that names none. */
    public static final String DEFAULT_DATE_FORMAT = "strict_date_optional_time||epoch_millis";

    public MappingComparison {
        missing = Map.copyOf(missing);
        conflicts = List.copyOf(conflicts);
    }

    /** Compares the top-level fields of {@code wanted} with {@code existing}. */
    public static MappingComparison of(Map<String, Object> existing, Map<String, Object> wanted) {
        Map<String, Object> missing = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        wanted.forEach((name, mapping) -> {
            Object current = existing.get(name);
            if (current == null) {
                missing.put(name, mapping);
            } else if (!sameSignature(current, mapping)) {
                conflicts.add(name);
            }
        });
        return new MappingComparison(missing, conflicts);
    }

    /** Whether a field with mapping {@code a} can hold the values of a field with mapping {@code b} as they are. */
    public static boolean sameSignature(Object a, Object b) {
        return Objects.equals(signature(a), signature(b));
    }

    /** What of a field mapping cannot change in place: the type, plus a date's format or a scaled_float's factor. */
    public static String signature(Object mapping) {
        if (!(mapping instanceof Map<?, ?> map)) {
            return String.valueOf(mapping);
        }
        Object type = map.get("type");
        String text = type == null ? "object" : type.toString();
        Object format = map.get("format");
        if (format == null && (text.equals("date") || text.equals("date_nanos"))) {
            format = DEFAULT_DATE_FORMAT; // Elasticsearch leaves the default out of the mappings it returns
        }
        if (format != null) {
            text += " format " + format;
        }
        if (map.get("scaling_factor") instanceof Number factor) {
            text += " scaling_factor " + factor.doubleValue();
        }
        return text;
    }

    public boolean isEmpty() {
        return missing.isEmpty() && conflicts.isEmpty();
    }
}
