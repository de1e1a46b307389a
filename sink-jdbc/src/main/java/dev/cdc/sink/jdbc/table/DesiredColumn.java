package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.ColumnType;

/**
 * A column the records need in the target.
 *
 * @param name      exact name
 * @param valueType the logical type of the record values
 * @param nullable  whether the records may hold NULL
 * @param key       whether it is a primary key column
 */
public record DesiredColumn(String name, ColumnType valueType, boolean nullable, boolean key) {
    public DesiredColumn {
        requireNonNull(name, "name is null");
        requireNonNull(valueType, "valueType is null");
    }
}
