package dev.cdc.sink.elasticsearch.reindex;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a document's source for one index version: renames fields ({@code from → to}, only
 * when the document has {@code from} and not {@code to}), converts the values of retyped fields to
 * the index's mapping ({@link ValueConverter}), and, when {@code knownFields} is given, drops
 * fields that index does not map. A value that cannot be converted is dropped and counted.
 * Immutable and thread-safe.
 */
public final class DocumentAdapter {
    /** Leaves documents as they are. */
    public static final DocumentAdapter IDENTITY = new DocumentAdapter(Map.of(), Map.of(), null);
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private final Map<String, String> renames;
    private final Map<String, Map<String, Object>> conversions;
    private final Set<String> knownFields;

    /**
     * @param renames     field {@code from} is written as {@code to}
     * @param conversions fields (named as in the index) whose values are converted to the given mapping
     * @param knownFields the fields the index maps, others are dropped; null keeps every field
     */
    public DocumentAdapter(Map<String, String> renames, Map<String, Map<String, Object>> conversions, Set<String> knownFields) {
        this.renames = Map.copyOf(requireNonNull(renames, "renames is null"));
        this.conversions = Map.copyOf(requireNonNull(conversions, "conversions is null"));
        this.knownFields = knownFields == null ? null : Set.copyOf(knownFields);
    }

    public boolean isIdentity() {
        return renames.isEmpty() && conversions.isEmpty() && knownFields == null;
    }

    /** The adapted JSON text of a document. */
    public Adapted adapt(String source) {
        return isIdentity() ? new Adapted(source, 0) : adapt(EsResponse.parse(source));
    }

    /** The adapted JSON text of a parsed document. */
    public Adapted adapt(JsonObject source) {
        Map<String, JsonValue> fields = new LinkedHashMap<>(source);
        renames.forEach((from, to) -> {
            if (fields.containsKey(from) && !fields.containsKey(to)) {
                fields.put(to, fields.remove(from));
            }
        });
        int dropped = 0;
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : fields.entrySet()) {
            String name = field.getKey();
            if (knownFields != null && !knownFields.contains(name)) {
                continue;
            }
            Map<String, Object> mapping = conversions.get(name);
            JsonValue value = mapping == null ? field.getValue() : ValueConverter.convert(field.getValue(), mapping);
            if (value == null) {
                dropped++;
            } else {
                out.add(name, value);
            }
        }
        return new Adapted(out.build().toString(), dropped);
    }

    /** The name a field of the written document has in the index, or null when the index does not take it. */
    public String fieldName(String field) {
        String name = renames.getOrDefault(field, field);
        return knownFields != null && !knownFields.contains(name) ? null : name;
    }

    @Override
    public String toString() {
        return "renames " + renames + ", conversions " + conversions.keySet() + (knownFields == null ? "" : ", only " + knownFields);
    }

    /**
     * @param source        the document's JSON text
     * @param droppedValues values that could not be converted and were left out
     */
    public record Adapted(String source, int droppedValues) {
    }
}
