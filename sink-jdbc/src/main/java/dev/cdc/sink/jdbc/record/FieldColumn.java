package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;

import dev.cdc.schema.ColumnType;

/**
 * A column a record provides: its name, the Connect schema of its values and the logical type read
 * from that schema.
 *
 * @param name     column and field name
 * @param schema   Connect schema of the values
 * @param type     logical type ({@code ConnectSchemaReader.columnType})
 * @param optional whether the values may be null
 */
public record FieldColumn(String name, Schema schema, ColumnType type, boolean optional) {
    public FieldColumn {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(type, "type is null");
    }
}
