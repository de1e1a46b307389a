package dev.cdc.sink.elasticsearch.backfill;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.reindex.ValueConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;

/**
 * The columns of one index added with a constant default ({@link ColumnDefault}, values as the
 * source wrote them), and their values in the form of each field's mapping once the field is mapped.
 * A change older than a column's addition whose row lacks the column (a late change, a replay) gets
 * the default in its document: at the source, the row has it since the column was added. Task thread only.
 */
public final class ColumnDefaults {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private final Map<String, ColumnDefault> literals;
    private final Map<String, ColumnDefault> mapped = new HashMap<>();
    private long newest = -1;

    public ColumnDefaults(Map<String, ColumnDefault> literals) {
        this.literals = new LinkedHashMap<>(literals);
        literals.values().forEach(column -> newest = Math.max(newest, column.position()));
    }

    /** The defaults as the source wrote them, for the index's {@code _meta}. */
    public Map<String, ColumnDefault> literals() {
        return Map.copyOf(literals);
    }

    public boolean contains(ColumnDefault column) {
        return column.equals(literals.get(column.field()));
    }

    public void add(ColumnDefault column) {
        literals.put(column.field(), column);
        mapped.remove(column.field());
        newest = Math.max(newest, column.position());
    }

    /**
     * A column's default converted to the field's mapping; empty when the field is not mapped yet,
     * has no default here, or the value does not fit the mapping.
     */
    public Optional<ColumnDefault> mapped(String field, Map<String, Object> properties) {
        ColumnDefault known = mapped.get(field);
        if (known != null) {
            return Optional.of(known);
        }
        ColumnDefault literal = literals.get(field);
        if (literal == null || !(properties.get(field) instanceof Map<?, ?> mapping)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        JsonValue value = ValueConverter.convert(literal.value(), (Map<String, Object>) mapping);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        ColumnDefault converted = new ColumnDefault(field, value, literal.position());
        mapped.put(field, converted);
        return Optional.of(converted);
    }

    /**
     * The document of a change at {@code position} with the defaults of the columns added after it
     * that its row lacks (and the index maps); the document unchanged in every other case.
     */
    public String apply(String source, Schema rowSchema, long position, Map<String, Object> properties) {
        if (position >= newest || rowSchema == null) {
            return source;
        }
        JsonObject document = null;
        for (ColumnDefault literal : literals.values()) {
            if (position >= literal.position() || rowSchema.field(literal.field()) != null) {
                continue;
            }
            Optional<ColumnDefault> value = mapped(literal.field(), properties);
            if (value.isPresent()) {
                document = JSON.createObjectBuilder(document == null ? EsResponse.parse(source) : document)
                        .add(literal.field(), value.get().value()).build();
            }
        }
        return document == null ? source : document.toString();
    }
}
