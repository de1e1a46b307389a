package dev.cdc.source.mysql.ddl;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlType;

/**
 * A column as a DDL statement defines it. The character set may still be open ({@code null} for a
 * text type) until the table's or database's default is known; {@code collation} is kept to derive
 * it. {@code nullable} is null when the statement did not say ({@code NULL} by default, {@code NOT
 * NULL} for primary-key columns).
 */
public record ColumnDefinition(String name, MySqlType type, String collation, Boolean nullable, String defaultExpression,
        boolean autoIncrement, boolean generated, String comment, boolean primaryKey) {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public boolean isText() {
        MySqlDataType dataType = type.dataType();
        return dataType.isText() || dataType == MySqlDataType.ENUM || dataType == MySqlDataType.SET;
    }
}
