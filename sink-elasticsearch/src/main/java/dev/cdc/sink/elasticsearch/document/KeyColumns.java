package dev.cdc.sink.elasticsearch.document;

import static java.util.Objects.requireNonNull;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The primary-key columns of a table's documents, in key order, so that an {@code _id} can be
 * computed from a row or a stored document rather than from a record key, the way
 * {@link DocumentIdEncoder} computes it from the key: when the key changes (a primary-key change
 * at the source), the documents are re-keyed into a new index version.
 *
 * @param names         the key columns, in the key schema's order
 * @param quotedNumbers the key columns whose values a multi-column {@code _id} writes as strings
 *                      even where the document holds a number (decimals, see {@link DocumentIdEncoder})
 */
public record KeyColumns(List<String> names, Set<String> quotedNumbers) {
    private static final DocumentIdEncoder IDS = new DocumentIdEncoder();

    public KeyColumns {
        names = List.copyOf(requireNonNull(names, "names is null"));
        quotedNumbers = Set.copyOf(requireNonNull(quotedNumbers, "quotedNumbers is null"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a key has at least one column");
        }
    }

    /** The key columns of a struct key schema; null for a primitive or schemaless key. */
    public static KeyColumns of(Schema keySchema) {
        if (keySchema == null || keySchema.type() != Schema.Type.STRUCT || keySchema.fields().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (Field field : keySchema.fields()) {
            names.add(field.name());
            ColumnKind kind = ColumnKind.of(field.schema());
            if (kind == ColumnKind.DECIMAL || kind == ColumnKind.VARIABLE_DECIMAL) {
                quoted.add(field.name());
            }
        }
        return new KeyColumns(names, Set.copyOf(quoted));
    }

    /**
     * The {@code _id} of a row with these key columns, as {@link DocumentIdEncoder} writes it for
     * a key of those columns; null when the row lacks one of them or holds null there.
     */
    public String idOfRow(Struct row) {
        SchemaBuilder keySchema = SchemaBuilder.struct();
        for (String name : names) {
            Field field = row.schema().field(name);
            if (field == null || row.get(field) == null) {
                return null;
            }
            keySchema.field(name, field.schema());
        }
        Schema schema = keySchema.build();
        Struct key = new Struct(schema);
        names.forEach(name -> key.put(name, row.get(name)));
        return IDS.encode(schema, key);
    }

    /**
     * The {@code _id} of a stored document with these key columns; null when the document lacks
     * one (a tombstone holds none). Numbers are written as the document holds them: exact for
     * integers and decimals; a float key column written in exponent form may differ.
     */
    public String idOfDocument(JsonObject document) {
        if (names.size() == 1) {
            JsonValue value = document.get(names.get(0));
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            return value instanceof JsonString text ? text.getString() : value.toString();
        }
        StringBuilder id = new StringBuilder("[");
        for (String name : names) {
            JsonValue value = document.get(name);
            if (value == null) {
                return null;
            }
            if (id.length() > 1) {
                id.append(',');
            }
            if (value instanceof JsonString text) {
                Json.appendString(id, text.getString());
            } else if (value instanceof JsonNumber number && quotedNumbers.contains(name)) {
                Json.appendString(id, number.toString());
            } else {
                id.append(value);
            }
        }
        return id.append(']').toString();
    }
}
