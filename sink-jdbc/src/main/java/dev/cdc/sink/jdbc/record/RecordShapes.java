package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import dev.cdc.schema.connect.ConnectSchemaReader;
import dev.cdc.sink.jdbc.config.KeyConfig;
import dev.cdc.sink.jdbc.table.TableRef;

/**
 * Makes and caches {@link RecordShape}s by table, key schema and row schema (by identity: the
 * converters hand out the same schema objects for the same schema). Fields named like the sink's
 * own columns are left out. Used by the task thread only.
 */
public final class RecordShapes {
    static final int MAX_CACHED = 1_000;

    private final KeyConfig keyConfig;
    private final Set<String> internalColumns;
    private final Map<ShapeKey, RecordShape> cache = new HashMap<>();

    public RecordShapes(KeyConfig keyConfig, Set<String> internalColumns) {
        this.keyConfig = requireNonNull(keyConfig, "keyConfig is null");
        this.internalColumns = Set.copyOf(requireNonNull(internalColumns, "internalColumns is null"));
    }

    /**
     * The shape of a record's columns.
     *
     * @param keySchema schema of the record key, null without one
     * @param rowSchema schema of the row, null for a delete without a before image
     * @throws DataException when the key does not fit the primary key mode or a field has no column type
     */
    public RecordShape shape(TableRef table, Schema keySchema, Schema rowSchema) {
        ShapeKey cacheKey = new ShapeKey(table, keySchema, rowSchema);
        RecordShape shape = cache.get(cacheKey);
        if (shape == null) {
            shape = build(table, keySchema, rowSchema);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(cacheKey, shape);
        }
        return shape;
    }

    private RecordShape build(TableRef table, Schema keySchema, Schema rowSchema) {
        List<FieldColumn> keyColumns = new ArrayList<>();
        RecordShape.KeySource source = switch (keyConfig.mode()) {
            case NONE -> RecordShape.KeySource.NONE;
            case RECORD_VALUE -> {
                for (String name : keyConfig.fields()) {
                    keyColumns.add(fieldColumn(table, rowSchema, name, "row"));
                }
                yield RecordShape.KeySource.ROW;
            }
            case RECORD_KEY -> recordKeyColumns(table, keySchema, keyColumns);
        };
        List<String> keyNames = keyColumns.stream().map(FieldColumn::name).toList();
        List<FieldColumn> valueColumns = new ArrayList<>();
        if (rowSchema != null) {
            requireStruct(table, rowSchema, "row");
            for (Field field : rowSchema.fields()) {
                if (!keyNames.contains(field.name()) && !internalColumns.contains(field.name())) {
                    valueColumns.add(column(table, field.name(), field.schema()));
                }
            }
        }
        return new RecordShape(table, source, keyColumns, valueColumns);
    }

    private RecordShape.KeySource recordKeyColumns(TableRef table, Schema keySchema, List<FieldColumn> keyColumns) {
        if (keySchema == null) {
            throw new DataException("the record has no key schema, but " + KeyConfig.MODE + "=record_key takes the primary key of "
                    + "table " + table + " from the key; use a converter with schemas for keys, or " + KeyConfig.MODE + "=record_value");
        }
        if (keySchema.type() != Schema.Type.STRUCT) {
            if (keyConfig.fields().size() != 1) {
                throw new DataException("the record key is a primitive " + keySchema.type() + "; " + KeyConfig.FIELDS
                        + " must name its one column (it is " + keyConfig.fields() + ")");
            }
            keyColumns.add(column(table, keyConfig.fields().get(0), keySchema));
            return RecordShape.KeySource.KEY_PRIMITIVE;
        }
        List<String> names = keyConfig.fields().isEmpty() ? keySchema.fields().stream().map(Field::name).toList() : keyConfig.fields();
        for (String name : names) {
            keyColumns.add(fieldColumn(table, keySchema, name, "key"));
        }
        if (keyColumns.isEmpty()) {
            throw new DataException("the record key of table " + table + " is a struct without fields; there is no primary key");
        }
        return RecordShape.KeySource.KEY_STRUCT;
    }

    private static FieldColumn fieldColumn(TableRef table, Schema struct, String name, String what) {
        if (struct == null) {
            throw new DataException("primary key column '" + name + "' of table " + table + " is taken from the " + what
                    + ", but the record has no " + what);
        }
        requireStruct(table, struct, what);
        Field field = struct.field(name);
        if (field == null) {
            throw new DataException("primary key column '" + name + "' of table " + table + " is not a field of the record "
                    + what + "; its fields are " + struct.fields().stream().map(Field::name).toList());
        }
        return column(table, name, field.schema());
    }

    private static FieldColumn column(TableRef table, String name, Schema schema) {
        try {
            return new FieldColumn(name, schema, ConnectSchemaReader.columnType(schema), schema.isOptional());
        } catch (IllegalArgumentException e) {
            throw new DataException("field '" + name + "' of table " + table + " cannot be a column: " + e.getMessage()
                    + "; flatten it with the Flatten SMT or drop it with ReplaceField", e);
        }
    }

    private static void requireStruct(TableRef table, Schema schema, String what) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("the record " + what + " of table " + table + " is a " + schema.type() + ", expected a struct");
        }
    }

    /** Cache key comparing schemas by identity. */
    private record ShapeKey(TableRef table, Schema keySchema, Schema rowSchema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ShapeKey other && table.equals(other.table) && keySchema == other.keySchema && rowSchema == other.rowSchema;
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 * 31 + System.identityHashCode(keySchema) * 31 + System.identityHashCode(rowSchema);
        }
    }
}
