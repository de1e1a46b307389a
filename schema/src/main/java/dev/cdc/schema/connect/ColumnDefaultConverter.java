package dev.cdc.schema.connect;

import java.util.Optional;

import org.apache.kafka.connect.data.Schema;

import dev.cdc.schema.Column;

/**
 * Turns a column's default value expression into the Connect value of its schema, as Debezium
 * puts column defaults into field schemas. Only a source knows how to read its own default
 * expressions ({@code b'101'}, {@code '2024-01-01'}, {@code nextval(...)}), so it supplies this.
 */
@FunctionalInterface
public interface ColumnDefaultConverter {
    /** Never sets defaults. */
    ColumnDefaultConverter NONE = (column, schema) -> Optional.empty();

    /**
     * @param column the column, with a default expression
     * @param schema the column's Connect schema without a default
     * @return the default as a value valid for {@code schema}, or empty to set no default
     *         (for an expression like {@code CURRENT_TIMESTAMP} that has no constant value)
     */
    Optional<Object> toConnectDefault(Column column, Schema schema);
}
