package dev.cdc.sink.elasticsearch.document;

import dev.cdc.sink.elasticsearch.BadRecordException;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The Elasticsearch {@code _id} of a row, from the record key (the primary key).
 * <ul>
 *   <li>A key with one column (a struct with one field, or a primitive key): the value as a
 *       string, rendered as in documents ({@code 42}, {@code abc}, decimal {@code 12.50}, date
 *       {@code 2024-01-31}, bytes in base64).</li>
 *   <li>A key with several columns: a JSON array of the values in the key schema's field order,
 *       e.g. {@code [42,"abc"]} (strings quoted and escaped, numbers bare, null as null), so no
 *       value can forge a separator; decimals are quoted strings ({@code ["12.50",7]}) whatever
 *       {@code decimal.mapping} says, so the {@code _id} never depends on the mapping config.
 *       A schemaless map key is ordered by field name.</li>
 * </ul>
 * Elasticsearch limits {@code _id} to 512 bytes; a longer key is a bad record.
 */
public final class DocumentIdEncoder {
    static final int MAX_ID_BYTES = 512;
    /** Renders key values the same way whatever the document mappings are: decimals as strings. */
    private final DocumentWriter valueWriter = new DocumentWriter(DecimalMapping.KEYWORD, JsonMapping.STRING);

    /** The {@code _id} of the record key {@code key} with schema {@code keySchema} (null when schemaless). */
    public String encode(Schema keySchema, Object key) {
        if (key == null) {
            throw new BadRecordException("the record has no key, so it has no document _id; a table without a primary key"
                    + " needs message key columns at the source");
        }
        String id = keySchema == null ? schemaless(key) : withSchema(keySchema, key);
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new BadRecordException("the key encodes to an _id of more than " + MAX_ID_BYTES
                    + " bytes, which Elasticsearch refuses: " + id.substring(0, 64) + "...");
        }
        return id;
    }

    private String withSchema(Schema keySchema, Object key) {
        if (keySchema.type() != Schema.Type.STRUCT) {
            return single(keySchema, key);
        }
        Struct struct = (Struct) key;
        List<Field> fields = keySchema.fields();
        if (fields.isEmpty()) {
            throw new BadRecordException("the key struct has no fields");
        }
        if (fields.size() == 1) {
            Field field = fields.get(0);
            Object value = struct.get(field);
            if (value == null) {
                throw new BadRecordException("key field " + field.name() + " is null");
            }
            return single(field.schema(), value);
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Field field = fields.get(i);
            valueWriter.appendValue(out, field.schema(), struct.get(field));
        }
        return out.append(']').toString();
    }

    private String single(Schema schema, Object value) {
        ColumnKind kind = ColumnKind.of(schema);
        if (kind == ColumnKind.STRING || kind == ColumnKind.ZONED_TIMESTAMP || kind == ColumnKind.ZONED_TIME || kind == ColumnKind.JSON) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder();
        valueWriter.appendValue(out, schema, value);
        // other rendered strings (dates, times, keyword decimals, base64) contain nothing to escape
        return out.charAt(0) == '"' ? out.substring(1, out.length() - 1) : out.toString();
    }

    private static String schemaless(Object key) {
        if (key instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object value = map.values().iterator().next();
                if (value == null) {
                    throw new BadRecordException("key field " + map.keySet().iterator().next() + " is null");
                }
                return value instanceof Map || value instanceof List ? Json.write(value) : value.toString();
            }
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((name, value) -> sorted.put(String.valueOf(name), value));
            return Json.write(new java.util.ArrayList<>(sorted.values()));
        }
        return key instanceof List ? Json.write(key) : key.toString();
    }
}
