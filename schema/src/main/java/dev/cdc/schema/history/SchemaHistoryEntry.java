package dev.cdc.schema.history;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * One fact of a schema history: from {@link #position()} on, table {@link #table()} has
 * {@link #schema()}, or does not exist ({@link #isDrop()}). A rename is two entries at the same
 * position: a drop of the old id and the schema under the new id. Carries the DDL text that caused
 * it when known. Immutable.
 */
public final class SchemaHistoryEntry {
    private final TableId table;
    private final long position;
    private final TableSchema schema;
    private final String ddl;

    private SchemaHistoryEntry(TableId table, long position, TableSchema schema, String ddl) {
        this.table = requireNonNull(table, "table is null");
        if (position < 0) {
            throw new IllegalArgumentException("history entry for " + table + " has negative position " + position);
        }
        this.position = position;
        this.schema = schema;
        this.ddl = ddl;
    }

    /** The schema, valid from its {@link TableSchema#validFromPosition()}. */
    public static SchemaHistoryEntry of(TableSchema schema, String ddl) {
        requireNonNull(schema, "schema is null");
        return new SchemaHistoryEntry(schema.id(), schema.validFromPosition(), schema, ddl);
    }

    /** The table no longer exists from {@code position} on. */
    public static SchemaHistoryEntry dropped(TableId table, long position, String ddl) {
        return new SchemaHistoryEntry(table, position, null, ddl);
    }

    public TableId table() {
        return table;
    }

    /** The source position from which this entry holds (inclusive). */
    public long position() {
        return position;
    }

    /** The schema; empty for a drop. */
    public Optional<TableSchema> schema() {
        return Optional.ofNullable(schema);
    }

    public boolean isDrop() {
        return schema == null;
    }

    public Optional<String> ddl() {
        return Optional.ofNullable(ddl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaHistoryEntry other
                && table.equals(other.table)
                && position == other.position
                && Objects.equals(schema, other.schema)
                && Objects.equals(ddl, other.ddl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, position, schema, ddl);
    }

    @Override
    public String toString() {
        return (isDrop() ? "drop " + table + " @" + position : schema.toString()) + (ddl == null ? "" : " ddl=" + ddl);
    }
}
