package dev.cdc.source.mysql.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which databases, tables and columns are captured, from Debezium-style include and
 * exclude lists. Every expression must match the whole name ({@code db}, {@code db.table},
 * {@code db.table.column}), case-insensitively, as in Debezium. A table is captured when its
 * database is and the table lists let it through. The system schemas ({@code mysql},
 * {@code information_schema}, {@code performance_schema}, {@code sys}) are never captured.
 */
public final class CaptureFilter {
    private static final List<String> SYSTEM_DATABASES = List.of("mysql", "information_schema", "performance_schema", "sys");

    private final List<Pattern> databaseIncludes;
    private final List<Pattern> databaseExcludes;
    private final List<Pattern> tableIncludes;
    private final List<Pattern> tableExcludes;
    private final List<Pattern> columnExcludes;
    private final List<String> neverCaptured;

    public CaptureFilter(List<String> databaseIncludes, List<String> databaseExcludes, List<String> tableIncludes,
            List<String> tableExcludes, List<String> columnExcludes) {
        this.databaseIncludes = compile(requireNonNull(databaseIncludes, "databaseIncludes is null"));
        this.databaseExcludes = compile(requireNonNull(databaseExcludes, "databaseExcludes is null"));
        this.tableIncludes = compile(requireNonNull(tableIncludes, "tableIncludes is null"));
        this.tableExcludes = compile(requireNonNull(tableExcludes, "tableExcludes is null"));
        this.columnExcludes = compile(requireNonNull(columnExcludes, "columnExcludes is null"));
        this.neverCaptured = List.of();
    }

    private CaptureFilter(CaptureFilter base, List<String> neverCaptured) {
        this.databaseIncludes = base.databaseIncludes;
        this.databaseExcludes = base.databaseExcludes;
        this.tableIncludes = base.tableIncludes;
        this.tableExcludes = base.tableExcludes;
        this.columnExcludes = base.columnExcludes;
        this.neverCaptured = List.copyOf(neverCaptured);
    }

    /** This filter, but never capturing {@code database.table} (exact names), whatever the lists say: the signal table. */
    public CaptureFilter withoutTable(String database, String table) {
        List<String> excluded = new java.util.ArrayList<>(neverCaptured);
        excluded.add(requireNonNull(database, "database is null") + "." + requireNonNull(table, "table is null"));
        return new CaptureFilter(this, excluded);
    }

    /** A filter that captures every table of every non-system database, with all columns. */
    public static CaptureFilter all() {
        return new CaptureFilter(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).collect(Collectors.toUnmodifiableList());
    }

    public boolean isDatabaseCaptured(String database) {
        requireNonNull(database, "database is null");
        if (SYSTEM_DATABASES.contains(database.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return admits(databaseIncludes, databaseExcludes, database);
    }

    public boolean isTableCaptured(String database, String table) {
        requireNonNull(table, "table is null");
        String name = database + "." + table;
        return isDatabaseCaptured(database) && !neverCaptured.contains(name) && admits(tableIncludes, tableExcludes, name);
    }

    /** Whether a column of a captured table goes into change events. */
    public boolean isColumnCaptured(String database, String table, String column) {
        requireNonNull(column, "column is null");
        String name = database + "." + table + "." + column;
        return columnExcludes.stream().noneMatch(pattern -> pattern.matcher(name).matches());
    }

    private static boolean admits(List<Pattern> includes, List<Pattern> excludes, String name) {
        if (!includes.isEmpty()) {
            return includes.stream().anyMatch(pattern -> pattern.matcher(name).matches());
        }
        return excludes.stream().noneMatch(pattern -> pattern.matcher(name).matches());
    }

    @Override
    public String toString() {
        return "databases " + describe(databaseIncludes, databaseExcludes) + ", tables " + describe(tableIncludes, tableExcludes)
                + (columnExcludes.isEmpty() ? "" : ", columns excluded " + columnExcludes)
                + (neverCaptured.isEmpty() ? "" : ", never " + neverCaptured);
    }

    private static String describe(List<Pattern> includes, List<Pattern> excludes) {
        if (!includes.isEmpty()) {
            return "included " + includes;
        }
        return excludes.isEmpty() ? "all" : "all but " + excludes;
    }
}
