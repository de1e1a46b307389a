package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.ColumnTypes;
import dev.cdc.source.mysql.types.ConnectTypes;
import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlTable;
import dev.cdc.source.mysql.types.ValueConverter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns the rows of one table version, as the binlog deserializer gives them, into Connect
 * structs: the row ({@code <topic>.Value}, optional, for {@code before}/{@code after}) and the key
 * ({@code <topic>.Key}, the primary-key columns). Built once per table version; immutable.
 */
public final class BinlogRowConverter {
    private final MySqlTable table;
    private final Schema rowSchema;
    private final Schema keySchema;
    private final int[] rowColumns;
    private final ValueConverter[] converters;
    private final int[] keyColumns;

    /**
     * @param captured which columns go into events ({@code column.exclude.list}); key columns always do
     */
    public BinlogRowConverter(MySqlTable table, Predicate<MySqlColumn> captured, BinlogValueConverters valueConverters,
            BigintUnsignedMode bigintUnsignedMode, String topic) {
        this.table = requireNonNull(table, "table is null");
        requireNonNull(captured, "captured is null");
        requireNonNull(valueConverters, "valueConverters is null");
        SchemaBuilder row = SchemaBuilder.struct().name(topic + ".Value").optional();
        List<Integer> included = new ArrayList<>();
        List<ValueConverter> convertersOfIncluded = new ArrayList<>();
        List<MySqlColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            MySqlColumn column = columns.get(i);
            if (!captured.test(column) && !table.primaryKey().contains(column.name())) {
                continue;
            }
            Schema schema = ConnectTypes.schema(ColumnTypes.toColumnType(column.type()), column.nullable(), bigintUnsignedMode);
            row.field(column.name(), schema);
            included.add(i);
            convertersOfIncluded.add(valueConverters.converter(column, schema));
        }
        this.rowSchema = row.build();
        this.rowColumns = included.stream().mapToInt(Integer::intValue).toArray();
        this.converters = convertersOfIncluded.toArray(ValueConverter[]::new);
        this.keyColumns = table.primaryKey().stream().mapToInt(table::indexOf).toArray();
        if (keyColumns.length == 0) {
            this.keySchema = null;
        } else {
            SchemaBuilder key = SchemaBuilder.struct().name(topic + ".Key");
            for (int index : keyColumns) {
                MySqlColumn column = columns.get(index);
                key.field(column.name(), ConnectTypes.schema(ColumnTypes.toColumnType(column.type()), false, bigintUnsignedMode));
            }
            this.keySchema = key.build();
        }
    }

    public MySqlTable table() {
        return table;
    }

    public Schema rowSchema() {
        return rowSchema;
    }

    /** The key schema; null for a table without a primary key. */
    public Schema keySchema() {
        return keySchema;
    }

    /**
     * The row struct of a binlog row image.
     *
     * @param cells         the values of the columns present in the image, in table order
     * @param presentColumns which table columns the image has (all with {@code binlog_row_image=FULL})
     * @throws DataException naming the table, column and value that could not be converted
     */
    public Struct row(Serializable[] cells, BitSet presentColumns) {
        Object[] values = tableOrder(cells, presentColumns);
        Struct struct = new Struct(rowSchema);
        List<Field> fields = rowSchema.fields();
        for (int i = 0; i < rowColumns.length; i++) {
            struct.put(fields.get(i), convert(i, values[rowColumns[i]]));
        }
        return struct;
    }

    /** The key struct of a row image; null for a table without a primary key. */
    public Struct key(Struct row) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (Field field : keySchema.fields()) {
            key.put(field, row.get(field.name()));
        }
        return key;
    }

    private Object convert(int included, Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return converters[included].convert(raw);
        } catch (RuntimeException e) {
            MySqlColumn column = table.columns().get(rowColumns[included]);
            throw new DataException("cannot convert the value of column '" + column.name() + "' " + column.type().toSql() + " of "
                    + table.database() + "." + table.name() + " (a " + raw.getClass().getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    private Object[] tableOrder(Serializable[] cells, BitSet presentColumns) {
        int columnCount = table.columns().size();
        if (presentColumns.length() > columnCount) {
            throw new DataException("a row of " + table.database() + "." + table.name() + " has " + presentColumns.length()
                    + " columns but its schema has " + columnCount + ": the schema history is behind the binlog");
        }
        Object[] values = new Object[columnCount];
        int cell = 0;
        for (int column = presentColumns.nextSetBit(0); column >= 0; column = presentColumns.nextSetBit(column + 1)) {
            values[column] = cells[cell++];
        }
        return values;
    }
}
