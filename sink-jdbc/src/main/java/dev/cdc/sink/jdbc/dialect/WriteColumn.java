package dev.cdc.sink.jdbc.dialect;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.ColumnType;

/**
 * A column a statement writes or matches.
 *
 * @param name      exact name
 * @param valueType the logical type of the values bound to it (from the record schema)
 * @param sqlType   the target column's type text, which PostgreSQL statements cast parameters to
 */
public record WriteColumn(String name, ColumnType valueType, String sqlType) {
    public WriteColumn {
        requireNonNull(name, "name is null");
        requireNonNull(valueType, "valueType is null");
        requireNonNull(sqlType, "sqlType is null");
    }
}
