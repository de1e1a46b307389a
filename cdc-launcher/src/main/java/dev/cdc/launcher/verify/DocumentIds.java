package dev.cdc.launcher.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch sink's {@code _id} of a row, from its primary-key values as MySQL's text
 * protocol gives them (see the sink's README): one key column gives its value as text; several
 * give a JSON array in key order, numbers bare and everything else (decimals included) quoted.
 */
public final class DocumentIds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentIds() {
    }

    public static String encode(TableInfo table, List<String> keyValues) {
        if (keyValues.size() == 1) {
            return keyValues.get(0);
        }
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < keyValues.size(); i++) {
            String value = keyValues.get(i);
            ColumnInfo column = table.column(table.primaryKey().get(i));
            if (value == null) {
                array.addNull();
            } else if (ValueNormalizer.kind(column) == ValueNormalizer.Kind.INTEGER) {
                array.add(new java.math.BigInteger(value));
            } else {
                array.add(value);
            }
        }
        return array.toString();
    }

    /** The key values of an {@code _id}, as text, in key order. */
    public static List<String> decode(TableInfo table, String id) {
        if (table.primaryKey().size() == 1) {
            return List.of(id);
        }
        try {
            JsonNode array = JSON.readTree(id);
            List<String> values = new ArrayList<>();
            array.forEach(node -> values.add(node.isNull() ? null : node.asText()));
            if (values.size() != table.primaryKey().size()) {
                throw new IllegalArgumentException("_id " + id + " has " + values.size() + " key values, " + table.qualifiedName()
                        + " has " + table.primaryKey().size() + " key columns");
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("_id " + id + " of " + table.qualifiedName() + " is not a JSON array of key values", e);
        }
    }
}
