package dev.cdc.schema.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.connect.data.Struct;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;

/**
 * One DDL's effect on one table, as sources put it on {@code <topic.prefix>.schema-changes}
 * ({@link SchemaChangeEventWriter}) and sinks read it back ({@link SchemaChangeEventParser}).
 * A statement that touches several tables ({@code RENAME TABLE a TO b, c TO d}) gives one event
 * per table, each with the same DDL text.
 *
 * <p>Contracts, checked on construction:
 * <ul>
 *   <li>every change concerns {@link #table()} (a {@code RenameTable}'s new id);</li>
 *   <li>CREATE and ALTER carry the table schema after the change; DROP may carry the schema the
 *       table had; TRUNCATE carries none (the schema does not change), and its schema id, when
 *       present, is {@link #table()};</li>
 *   <li>{@link #position()} is the source position of the DDL, not negative.</li>
 * </ul>
 * Immutable, except that {@link #source()} is a Connect {@link Struct}, which callers must not
 * change after building the event.
 */
public final class SchemaChangeEvent {

    /** The kind of statement, as in Debezium's {@code tableChanges[].type}, plus TRUNCATE. */
    public enum Type { CREATE, ALTER, DROP, TRUNCATE }

    private final Struct source;
    private final long timestampMillis;
    private final long position;
    private final TableId table;
    private final String ddl;
    private final Type type;
    private final TableSchema tableSchema;
    private final List<SchemaChange> changes;

    private SchemaChangeEvent(Builder builder) {
        this.source = requireNonNull(builder.source, "source is null");
        this.timestampMillis = builder.timestampMillis;
        this.position = builder.position;
        this.table = requireNonNull(builder.table, "table is null");
        this.ddl = builder.ddl;
        this.type = requireNonNull(builder.type, "type is null");
        this.tableSchema = builder.tableSchema;
        this.changes = List.copyOf(builder.changes);
        validate();
    }

    public static Builder builder(TableId table, Type type) {
        return new Builder(table, type);
    }

    /** The connector's {@code source} block, as on its data events. */
    public Struct source() {
        return source;
    }

    /** When the connector processed the DDL, epoch milliseconds. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** The source position of the DDL. */
    public long position() {
        return position;
    }

    /** The table, named as after the change. */
    public TableId table() {
        return table;
    }

    public Optional<String> ddl() {
        return Optional.ofNullable(ddl);
    }

    public Type type() {
        return type;
    }

    /** The table schema after the change (DROP: the schema the table had, if known). */
    public Optional<TableSchema> tableSchema() {
        return Optional.ofNullable(tableSchema);
    }

    /** The structured changes, in the order of {@code SchemaDiff}. */
    public List<SchemaChange> changes() {
        return changes;
    }

    private void validate() {
        if (position < 0) {
            throw new IllegalArgumentException("schema-change event for " + table + " has negative position " + position);
        }
        if ((type == Type.CREATE || type == Type.ALTER) && tableSchema == null) {
            throw new IllegalArgumentException(type + " event for " + table + " has no table schema");
        }
        if (type == Type.TRUNCATE && tableSchema != null) {
            throw new IllegalArgumentException("TRUNCATE event for " + table + " must not carry a table schema; the schema does not change");
        }
        if (tableSchema != null && !tableSchema.id().equals(table)) {
            throw new IllegalArgumentException("schema-change event for " + table + " carries the schema of " + tableSchema.id());
        }
        for (SchemaChange change : changes) {
            if (!change.table().equals(table)) {
                throw new IllegalArgumentException("schema-change event for " + table + " holds a change of " + change.table() + ": " + change);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaChangeEvent other
                && source.equals(other.source)
                && timestampMillis == other.timestampMillis
                && position == other.position
                && table.equals(other.table)
                && Objects.equals(ddl, other.ddl)
                && type == other.type
                && Objects.equals(tableSchema, other.tableSchema)
                && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestampMillis, position, table, ddl, type, tableSchema, changes);
    }

    @Override
    public String toString() {
        return type + " " + table + " @" + position + " " + changes + (ddl == null ? "" : " ddl=" + ddl);
    }

    /** Builds a {@link SchemaChangeEvent}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final TableId table;
        private final Type type;
        private Struct source;
        private long timestampMillis;
        private long position;
        private String ddl;
        private TableSchema tableSchema;
        private List<SchemaChange> changes = List.of();

        private Builder(TableId table, Type type) {
            this.table = table;
            this.type = type;
        }

        public Builder source(Struct source) {
            this.source = source;
            return this;
        }

        public Builder timestampMillis(long timestampMillis) {
            this.timestampMillis = timestampMillis;
            return this;
        }

        public Builder position(long position) {
            this.position = position;
            return this;
        }

        public Builder ddl(String ddl) {
            this.ddl = ddl;
            return this;
        }

        public Builder tableSchema(TableSchema tableSchema) {
            this.tableSchema = tableSchema;
            return this;
        }

        public Builder changes(List<SchemaChange> changes) {
            this.changes = requireNonNull(changes, "changes is null");
            return this;
        }

        public SchemaChangeEvent build() {
            return new SchemaChangeEvent(this);
        }
    }
}
