package dev.cdc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema of one table as it was valid from one source position on: its columns in order,
 * its primary key (column names in key order; empty for a table without one), a version number
 * and the position at which this version became valid.
 *
 * <p>Contracts, checked on construction:
 * <ul>
 *   <li>column names are unique (compared exactly);</li>
 *   <li>column {@code i} of the list (0-based) has {@link Column#position()} {@code i + 1}; the
 *       {@link Builder} assigns positions so, {@link #TableSchema} rejects anything else;</li>
 *   <li>every primary key name is a column, at most once;</li>
 *   <li>{@code version} and {@code validFromPosition} are not negative. Versions count the
 *       schema changes of this table as the source saw them; positions are the 63-bit source
 *       positions of {@code dev.cdc.core.position.SourcePosition}.</li>
 * </ul>
 * Immutable.
 */
public final class TableSchema {
    private final TableId id;
    private final List<Column> columns;
    private final Map<String, Column> columnsByName;
    private final List<String> primaryKey;
    private final long version;
    private final long validFromPosition;

    public TableSchema(TableId id, List<Column> columns, List<String> primaryKey, long version, long validFromPosition) {
        this.id = requireNonNull(id, "id is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        this.version = version;
        this.validFromPosition = validFromPosition;
        this.columnsByName = indexColumns();
        checkPrimaryKey();
        if (version < 0) {
            throw new IllegalArgumentException("table " + id + " has negative schema version " + version);
        }
        if (validFromPosition < 0) {
            throw new IllegalArgumentException("table " + id + " has negative source position " + validFromPosition);
        }
    }

    public static Builder builder(TableId id) {
        return new Builder(id);
    }

    /** A builder holding this schema's values. */
    public Builder toBuilder() {
        Builder builder = new Builder(id).primaryKey(primaryKey).version(version).validFromPosition(validFromPosition);
        columns.forEach(builder::column);
        return builder;
    }

    public TableId id() {
        return id;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columnsByName.get(name));
    }

    /** Primary key column names in key order; empty when the table has no primary key. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    /** The primary key columns in key order. */
    public List<Column> primaryKeyColumns() {
        return primaryKey.stream().map(columnsByName::get).toList();
    }

    public long version() {
        return version;
    }

    /** The source position from which this version is valid (inclusive). */
    public long validFromPosition() {
        return validFromPosition;
    }

    /** This schema under another table id (after a rename), same columns, version and position. */
    public TableSchema withId(TableId newId) {
        return new TableSchema(newId, columns, primaryKey, version, validFromPosition);
    }

    /** This schema as a new version, valid from {@code position}. */
    public TableSchema withVersion(long newVersion, long position) {
        return new TableSchema(id, columns, primaryKey, newVersion, position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema other
                && id.equals(other.id)
                && columns.equals(other.columns)
                && primaryKey.equals(other.primaryKey)
                && version == other.version
                && validFromPosition == other.validFromPosition;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, columns, primaryKey, version, validFromPosition);
    }

    @Override
    public String toString() {
        return id + " v" + version + " @" + validFromPosition + " ("
                + columns.stream().map(Column::toString).collect(Collectors.joining(", "))
                + (primaryKey.isEmpty() ? "" : ", PRIMARY KEY " + primaryKey) + ")";
    }

    private Map<String, Column> indexColumns() {
        Map<String, Column> byName = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = requireNonNull(columns.get(i), "column " + i + " is null");
            if (column.position() != i + 1) {
                throw new IllegalArgumentException("column '" + column.name() + "' of table " + id + " has position "
                        + column.position() + ", expected " + (i + 1) + " (positions are 1-based and follow the column order)");
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("table " + id + " has column '" + column.name() + "' twice");
            }
        }
        return Map.copyOf(byName);
    }

    private void checkPrimaryKey() {
        Set<String> seen = new HashSet<>();
        for (String name : primaryKey) {
            requireNonNull(name, "primary key column name is null");
            if (!columnsByName.containsKey(name)) {
                throw new IllegalArgumentException("primary key column '" + name + "' of table " + id
                        + " is not a column; columns are " + columnNames());
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("primary key of table " + id + " names column '" + name + "' twice");
            }
        }
    }

    /** Builds a {@link TableSchema}; columns get positions 1, 2, ... in the order they are added. */
    public static final class Builder {
        private TableId id;
        private final List<Column> columns = new ArrayList<>();
        private List<String> primaryKey = List.of();
        private long version;
        private long validFromPosition;

        private Builder(TableId id) {
            this.id = id;
        }

        public Builder id(TableId id) {
            this.id = id;
            return this;
        }

        /** Adds a column at the next position (its own position is replaced). */
        public Builder column(Column column) {
            columns.add(column.withPosition(columns.size() + 1));
            return this;
        }

        /** Adds a column with the given name, type and nullability at the next position. */
        public Builder column(String name, ColumnType type, boolean nullable) {
            return column(Column.builder(name, type).nullable(nullable).build());
        }

        /** Replaces all columns; positions are assigned in list order. */
        public Builder columns(List<Column> newColumns) {
            columns.clear();
            newColumns.forEach(this::column);
            return this;
        }

        public Builder primaryKey(List<String> names) {
            this.primaryKey = List.copyOf(names);
            return this;
        }

        public Builder primaryKey(String... names) {
            return primaryKey(List.of(names));
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder validFromPosition(long position) {
            this.validFromPosition = position;
            return this;
        }

        public TableSchema build() {
            return new TableSchema(id, columns, primaryKey, version, validFromPosition);
        }
    }
}
