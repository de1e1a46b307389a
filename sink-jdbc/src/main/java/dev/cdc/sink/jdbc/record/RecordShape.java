package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Struct;

import dev.cdc.sink.jdbc.table.TableRef;

/**
 * The columns the records of one table, key schema and row schema provide: the primary key columns
 * and the other columns, and where the key values come from. Immutable; made by {@link RecordShapes}.
 */
public final class RecordShape {
    /** Where the values of the key columns come from. */
    public enum KeySource {
        /** Fields of a struct record key. */
        KEY_STRUCT,
        /** The primitive record key itself (one column). */
        KEY_PRIMITIVE,
        /** Fields of the row (primary.key.mode=record_value). */
        ROW,
        /** No key (primary.key.mode=none). */
        NONE
    }

    private final TableRef table;
    private final KeySource keySource;
    private final List<FieldColumn> keyColumns;
    private final List<FieldColumn> valueColumns;

    public RecordShape(TableRef table, KeySource keySource, List<FieldColumn> keyColumns, List<FieldColumn> valueColumns) {
        this.table = requireNonNull(table, "table is null");
        this.keySource = requireNonNull(keySource, "keySource is null");
        this.keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        this.valueColumns = List.copyOf(requireNonNull(valueColumns, "valueColumns is null"));
    }

    public TableRef table() {
        return table;
    }

    public KeySource keySource() {
        return keySource;
    }

    public List<FieldColumn> keyColumns() {
        return keyColumns;
    }

    public List<FieldColumn> valueColumns() {
        return valueColumns;
    }

    public List<String> keyColumnNames() {
        return keyColumns.stream().map(FieldColumn::name).toList();
    }

    /** The bindable key values of a record. */
    Object[] keyValues(Object key, Struct row) {
        Object[] values = new Object[keyColumns.size()];
        for (int i = 0; i < values.length; i++) {
            FieldColumn column = keyColumns.get(i);
            Object raw = switch (keySource) {
                case KEY_STRUCT -> ((Struct) key).get(column.name());
                case KEY_PRIMITIVE -> key;
                case ROW -> row.get(column.name());
                case NONE -> null;
            };
            values[i] = ValueConverter.convert(column.schema(), raw);
            if (values[i] == null || values[i] == UnavailableValue.INSTANCE) {
                throw new org.apache.kafka.connect.errors.DataException("primary key column '" + column.name() + "' of table "
                        + table + " has " + (values[i] == null ? "a null value" : "no value (unavailable placeholder)"));
            }
        }
        return values;
    }

    /**
     * The bindable values of the non-key columns of a row; null row gives nulls. A column named in
     * {@code unchangedToast} whose value is null is {@link UnavailableValue#INSTANCE} (see
     * {@link UnchangedToastHeader}); a value that is there is taken as it is.
     */
    Object[] rowValues(Struct row, Set<String> unchangedToast) {
        Object[] values = new Object[valueColumns.size()];
        if (row != null) {
            for (int i = 0; i < values.length; i++) {
                FieldColumn column = valueColumns.get(i);
                values[i] = ValueConverter.convert(column.schema(), row.get(column.name()));
                if (values[i] == null && unchangedToast.contains(column.name())) {
                    values[i] = UnavailableValue.INSTANCE;
                }
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return table + " key " + keyColumnNames() + " (" + keySource + ") values " + valueColumns.stream().map(FieldColumn::name).toList();
    }
}
