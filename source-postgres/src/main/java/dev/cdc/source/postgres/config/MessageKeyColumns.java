package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The message key columns of Debezium's {@code message.key.columns}: entries
 * {@code <table>:<column>[,<column>...]} separated by {@code ;}, where {@code <table>} is a regular
 * expression matched, case-insensitively, against the whole {@code schema.table} name, e.g.
 * {@code public.orders:customer_id,order_no;(.*).parts:sku}. The first entry that matches a table
 * gives its message key, replacing the primary key (or giving one to a table without). Immutable
 * and thread-safe.
 */
public final class MessageKeyColumns {
    /** The format, for messages. */
    public static final String FORMAT = "<schema.table regex>:<column>[,<column>...] entries separated by ';',"
            + " e.g. public.orders:customer_id,order_no;inventory.parts:sku";

    private static final MessageKeyColumns NONE = new MessageKeyColumns(List.of(), "");

    private final List<Entry> entries;
    private final String text;

    private MessageKeyColumns(List<Entry> entries, String text) {
        this.entries = List.copyOf(entries);
        this.text = text;
    }

    /** No table has message key columns: every key is the primary key. */
    public static MessageKeyColumns none() {
        return NONE;
    }

    /**
     * Parses the value of {@code message.key.columns}; blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is wrong and why
     */
    public static MessageKeyColumns parse(String value) {
        String text = value == null ? "" : value.trim();
        List<Entry> entries = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (!entry.isBlank()) {
                entries.add(Entry.parse(entry.trim()));
            }
        }
        return entries.isEmpty() ? NONE : new MessageKeyColumns(entries, text);
    }

    /** The message key columns of a table, in key order; empty when no entry matches (the key is the primary key). */
    public Optional<List<String>> columnsFor(String schema, String table) {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        String name = schema + "." + table;
        return entries.stream().filter(entry -> entry.table().matcher(name).matches()).findFirst().map(Entry::columns);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "primary keys as message keys" : "message key columns " + text;
    }

    /** One {@code <table>:<columns>} entry. */
    private record Entry(Pattern table, List<String> columns) {
        static Entry parse(String entry) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("entry '" + entry + "' is not <schema.table regex>:<column>[,<column>...]");
            }
            String tablePattern = entry.substring(0, colon).trim();
            Pattern table;
            try {
                table = Pattern.compile(tablePattern, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("entry '" + entry + "': table pattern '" + tablePattern
                        + "' is not a valid Java regular expression");
            }
            Set<String> columns = new LinkedHashSet<>();
            for (String column : entry.substring(colon + 1).split(",", -1)) {
                if (column.isBlank()) {
                    throw new IllegalArgumentException("entry '" + entry + "' has an empty column name");
                }
                if (!columns.add(column.trim())) {
                    throw new IllegalArgumentException("entry '" + entry + "' names column '" + column.trim() + "' twice");
                }
            }
            return new Entry(table, List.copyOf(columns));
        }
    }
}
