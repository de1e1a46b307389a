package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A target table: an optional schema (PostgreSQL schema, MySQL database; absent means the
 * connection's current one) and a table name, both exact (always quoted in SQL).
 */
public record TableRef(String schema, String name) {
    public TableRef {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("table name is empty");
        }
        if (schema != null && schema.isEmpty()) {
            throw new IllegalArgumentException("schema name of table '" + name + "' is empty; use null for the current schema");
        }
    }

    /** Splits {@code schema.table} at its one dot, or takes the whole text as the table name. */
    public static TableRef parse(String qualifiedName) {
        requireNonNull(qualifiedName, "qualifiedName is null");
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? new TableRef(null, qualifiedName)
                : new TableRef(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    public Optional<String> schemaName() {
        return Optional.ofNullable(schema);
    }

    /** This table in {@code defaultSchema} when it names none. */
    public TableRef inSchema(String defaultSchema) {
        return schema != null || defaultSchema == null ? this : new TableRef(defaultSchema, name);
    }

    /** A table next to this one. */
    public TableRef sibling(String siblingName) {
        return new TableRef(schema, siblingName);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
