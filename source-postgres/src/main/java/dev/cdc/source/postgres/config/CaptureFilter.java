package dev.cdc.source.postgres.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which schemas, tables and columns are captured, from Debezium's include and exclude
 * lists. Patterns match the whole name, case-insensitively: {@code schema} for schemas,
 * {@code schema.table} for tables, {@code schema.table.column} for columns. The system schemas
 * ({@code pg_catalog}, {@code information_schema}, {@code pg_toast}, ...) are never captured.
 * Immutable and thread-safe.
 */
public final class CaptureFilter {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    private final List<Pattern> schemaIncludes;
    private final List<Pattern> schemaExcludes;
    private final List<Pattern> tableIncludes;
    private final List<Pattern> tableExcludes;
    private final List<Pattern> columnExcludes;
    private final String description;

    public CaptureFilter(List<String> schemaIncludes, List<String> schemaExcludes, List<String> tableIncludes,
            List<String> tableExcludes, List<String> columnExcludes) {
        this.schemaIncludes = compile(schemaIncludes, "schemaIncludes");
        this.schemaExcludes = compile(schemaExcludes, "schemaExcludes");
        this.tableIncludes = compile(tableIncludes, "tableIncludes");
        this.tableExcludes = compile(tableExcludes, "tableExcludes");
        this.columnExcludes = compile(columnExcludes, "columnExcludes");
        this.description = "schemas +" + schemaIncludes + " -" + schemaExcludes + ", tables +" + tableIncludes + " -" + tableExcludes
                + ", columns -" + columnExcludes;
    }

    /** Captures every table of every non-system schema. */
    public static CaptureFilter all() {
        return new CaptureFilter(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<Pattern> compile(List<String> patterns, String what) {
        return requireNonNull(patterns, what + " is null").stream()
                .map(pattern -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE)).toList();
    }

    public boolean includesSchema(String schema) {
        requireNonNull(schema, "schema is null");
        if (SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_toast") || schema.startsWith("pg_temp")) {
            return false;
        }
        return included(schema, schemaIncludes, schemaExcludes);
    }

    public boolean includesTable(String schema, String table) {
        requireNonNull(table, "table is null");
        return includesSchema(schema) && included(schema + "." + table, tableIncludes, tableExcludes);
    }

    public boolean includesColumn(String schema, String table, String column) {
        requireNonNull(column, "column is null");
        String name = schema + "." + table + "." + column;
        return columnExcludes.stream().noneMatch(pattern -> pattern.matcher(name).matches());
    }

    /** True when no include or exclude list restricts the tables (all tables of all non-system schemas). */
    public boolean capturesAllTables() {
        return schemaIncludes.isEmpty() && schemaExcludes.isEmpty() && tableIncludes.isEmpty() && tableExcludes.isEmpty();
    }

    private static boolean included(String name, List<Pattern> includes, List<Pattern> excludes) {
        if (!includes.isEmpty()) {
            return includes.stream().anyMatch(pattern -> pattern.matcher(name).matches());
        }
        return excludes.stream().noneMatch(pattern -> pattern.matcher(name).matches());
    }

    @Override
    public String toString() {
        return description;
    }
}
