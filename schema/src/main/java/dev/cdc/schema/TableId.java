package dev.cdc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of a table: an optional catalog (the database, for MySQL and for PostgreSQL), an
 * optional schema (PostgreSQL's namespace; absent for MySQL) and the table name.
 *
 * <p>Names are compared exactly (case-sensitive); a source that works with case-insensitive
 * names normalises them before building a {@code TableId}. Present names are never empty.
 *
 * <h2>Canonical string form</h2>
 * {@link #toString()} always has three dot-separated parts, {@code catalog.schema.table}, where an
 * absent part is empty: {@code inventory..customers} (MySQL), {@code shop.public.orders}
 * (PostgreSQL), {@code .public.orders} (no catalog). A part that contains a dot or a double quote
 * is written in double quotes with inner quotes doubled ({@code "a.b"}, {@code "say ""hi"""}).
 * The form is stable (used in history entries and schema-change events) and {@link #parse(String)}
 * reads it back exactly. {@link #displayName()} is the short form for people and logs.
 */
public final class TableId implements Comparable<TableId> {
    private final String catalog;
    private final String schema;
    private final String table;

    private TableId(String catalog, String schema, String table) {
        this.catalog = checkName(catalog, "catalog", true);
        this.schema = checkName(schema, "schema", true);
        this.table = checkName(table, "table", false);
    }

    /** A table id; {@code catalog} and {@code schema} may be null (absent), {@code table} may not. */
    public static TableId of(String catalog, String schema, String table) {
        return new TableId(catalog, schema, table);
    }

    /** A table inside a database, without a schema level (MySQL, MariaDB). */
    public static TableId ofCatalogTable(String catalog, String table) {
        return new TableId(requireNonNull(catalog, "catalog is null"), null, table);
    }

    /** A table inside a schema, without a catalog level. */
    public static TableId ofSchemaTable(String schema, String table) {
        return new TableId(null, requireNonNull(schema, "schema is null"), table);
    }

    /**
     * Parses the canonical form written by {@link #toString()}.
     *
     * @throws IllegalArgumentException if the text does not have exactly three parts, the table
     *                                  part is empty, or a quote is unbalanced
     */
    public static TableId parse(String text) {
        requireNonNull(text, "text is null");
        List<String> parts = splitCanonical(text);
        if (parts.size() != 3) {
            throw new IllegalArgumentException("table id '" + text + "' has " + parts.size()
                    + " part(s); expected catalog.schema.table with empty parts for absent levels, e.g. 'inventory..customers'");
        }
        if (parts.get(2) == null) {
            throw new IllegalArgumentException("table id '" + text + "' has an empty table name");
        }
        return new TableId(parts.get(0), parts.get(1), parts.get(2));
    }

    public Optional<String> catalog() {
        return Optional.ofNullable(catalog);
    }

    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    public String table() {
        return table;
    }

    /** This id with another table name, in the same catalog and schema. */
    public TableId withTable(String newTable) {
        return new TableId(catalog, schema, newTable);
    }

    /** The present parts joined by dots, unquoted ({@code inventory.customers}); not parseable in general. */
    public String displayName() {
        StringBuilder out = new StringBuilder();
        if (catalog != null) {
            out.append(catalog).append('.');
        }
        if (schema != null) {
            out.append(schema).append('.');
        }
        return out.append(table).toString();
    }

    /** The canonical form, see the class comment. */
    @Override
    public String toString() {
        return quote(catalog) + '.' + quote(schema) + '.' + quote(table);
    }

    @Override
    public int compareTo(TableId other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableId other
                && Objects.equals(catalog, other.catalog)
                && Objects.equals(schema, other.schema)
                && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, schema, table);
    }

    private static String checkName(String name, String what, boolean nullable) {
        if (name == null) {
            if (nullable) {
                return null;
            }
            throw new NullPointerException(what + " is null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is empty; use null for an absent " + what);
        }
        return name;
    }

    private static String quote(String part) {
        if (part == null) {
            return "";
        }
        if (part.indexOf('.') < 0 && part.indexOf('"') < 0) {
            return part;
        }
        return '"' + part.replace("\"", "\"\"") + '"';
    }

    /** Splits on unquoted dots; an empty part becomes null. */
    private static List<String> splitCanonical(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i = readQuoted(text, i, part);
            } else {
                while (i < text.length() && text.charAt(i) != '.') {
                    if (text.charAt(i) == '"') {
                        throw new IllegalArgumentException("table id '" + text + "' has a quote inside an unquoted name at index " + i);
                    }
                    part.append(text.charAt(i++));
                }
            }
            parts.add(part.length() == 0 ? null : part.toString());
            if (i == text.length()) {
                return parts;
            }
            if (text.charAt(i) != '.') {
                throw new IllegalArgumentException("table id '" + text + "' has text after a closing quote at index " + i);
            }
            i++;
        }
    }

    /** Reads a quoted part starting at the opening quote; returns the index after the closing quote. */
    private static int readQuoted(String text, int openQuote, StringBuilder into) {
        int i = openQuote + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    into.append('"');
                    i += 2;
                    continue;
                }
                if (into.length() == 0) {
                    throw new IllegalArgumentException("table id '" + text + "' has an empty quoted name");
                }
                return i + 1;
            }
            into.append(c);
            i++;
        }
        throw new IllegalArgumentException("table id '" + text + "' has an unclosed quote at index " + openQuote);
    }
}
