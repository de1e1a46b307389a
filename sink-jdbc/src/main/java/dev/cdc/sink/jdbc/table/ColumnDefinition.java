package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

/**
 * A column the sink creates or adds.
 *
 * @param name          exact name
 * @param sqlType       the dialect's type text
 * @param nullable      whether NULL is allowed
 * @param defaultValue  SQL default expression, null for none
 */
public record ColumnDefinition(String name, String sqlType, boolean nullable, String defaultValue) {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(sqlType, "sqlType is null");
    }

    public static ColumnDefinition of(String name, String sqlType, boolean nullable) {
        return new ColumnDefinition(name, sqlType, nullable, null);
    }
}
