package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.cdc.schema.ColumnType;

/**
 * A column of a target table as the database describes it.
 *
 * @param name       exact name
 * @param nativeType the database's type text ({@code character varying(20)}, {@code int(11) unsigned})
 * @param type       the logical type read from {@code nativeType}; null for types the sink does not know
 * @param nullable   whether NULL is allowed
 */
public record TargetColumn(String name, String nativeType, ColumnType type, boolean nullable) {
    public TargetColumn {
        requireNonNull(name, "name is null");
        requireNonNull(nativeType, "nativeType is null");
    }

    public Optional<ColumnType> logicalType() {
        return Optional.ofNullable(type);
    }
}
