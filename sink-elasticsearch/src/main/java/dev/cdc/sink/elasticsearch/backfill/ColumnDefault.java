package dev.cdc.sink.elasticsearch.backfill;

import static java.util.Objects.requireNonNull;

import jakarta.json.JsonValue;

/**
 * A column added with a constant default: every row that existed before the change has that value
 * at the source, though no row event said so.
 *
 * @param field    the document field (the column name)
 * @param value    the default, already in the form the field's mapping takes
 * @param position the source position of the change that added the column: documents and changes
 *                 older than it lack the field and get the value
 */
public record ColumnDefault(String field, JsonValue value, long position) {
    public ColumnDefault {
        requireNonNull(field, "field is null");
        requireNonNull(value, "value is null");
    }
}
