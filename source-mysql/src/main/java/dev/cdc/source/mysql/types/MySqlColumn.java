package dev.cdc.source.mysql.types;

import static java.util.Objects.requireNonNull;

/**
 * One column of a MySQL/MariaDB table with its native type, as read from DDL,
 * {@code information_schema} or a binlog table map.
 *
 * @param defaultExpression the default as SQL text ({@code 0}, {@code 'new'}, {@code CURRENT_TIMESTAMP}); null when none
 */
public record MySqlColumn(String name, MySqlType type, boolean nullable, String defaultExpression, boolean autoIncrement,
        boolean generated, String comment) {
    public MySqlColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    /** A nullable column without default, generation or comment. */
    public static MySqlColumn of(String name, MySqlType type) {
        return new MySqlColumn(name, type, true, null, false, false, null);
    }

    public MySqlColumn withName(String newName) {
        return new MySqlColumn(newName, type, nullable, defaultExpression, autoIncrement, generated, comment);
    }

    public MySqlColumn withType(MySqlType newType) {
        return new MySqlColumn(name, newType, nullable, defaultExpression, autoIncrement, generated, comment);
    }

    public MySqlColumn withNullable(boolean newNullable) {
        return new MySqlColumn(name, type, newNullable, defaultExpression, autoIncrement, generated, comment);
    }

    public MySqlColumn withDefaultExpression(String expression) {
        return new MySqlColumn(name, type, nullable, expression, autoIncrement, generated, comment);
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? "" : " NOT NULL") + (defaultExpression == null ? "" : " DEFAULT " + defaultExpression);
    }
}
