package dev.cdc.schema.event;

import static dev.cdc.schema.event.SchemaChangeFields.CHANGE_SCHEMA;
import static dev.cdc.schema.event.SchemaChangeFields.COLUMN;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_DEFAULT;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_NATIVE_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_NULLABLE;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_PRIMARY_KEY;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_TABLE;
import static dev.cdc.schema.event.SchemaChangeFields.FROM_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.KIND;
import static dev.cdc.schema.event.SchemaChangeFields.TO_DEFAULT;
import static dev.cdc.schema.event.SchemaChangeFields.TO_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.TO_NATIVE_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.TO_NULLABLE;
import static dev.cdc.schema.event.SchemaChangeFields.TO_PRIMARY_KEY;
import static dev.cdc.schema.event.SchemaChangeFields.TO_TABLE;
import static dev.cdc.schema.event.SchemaChangeFields.TO_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.WIDENING;

import java.util.Optional;

import org.apache.kafka.connect.data.Struct;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaChange.AddColumn;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnDefault;
import dev.cdc.schema.diff.SchemaChange.ChangeColumnType;
import dev.cdc.schema.diff.SchemaChange.ChangeNullability;
import dev.cdc.schema.diff.SchemaChange.ChangePrimaryKey;
import dev.cdc.schema.diff.SchemaChange.CreateTable;
import dev.cdc.schema.diff.SchemaChange.DropColumn;
import dev.cdc.schema.diff.SchemaChange.DropTable;
import dev.cdc.schema.diff.SchemaChange.RenameColumn;
import dev.cdc.schema.diff.SchemaChange.RenameTable;
import dev.cdc.schema.diff.SchemaChange.Truncate;
import dev.cdc.schema.diff.SchemaChangeKind;

/**
 * A {@link SchemaChange} to and from the {@code changes[]} struct. The struct holds the change's
 * own attributes; the table is the event's, and an added column's full definition (comment,
 * auto-increment) comes from the event's table schema when it has the column.
 */
final class ChangeStructs {
    private ChangeStructs() {
    }

    static Struct toStruct(SchemaChange change) {
        Struct struct = new Struct(CHANGE_SCHEMA).put(KIND, change.kind().name());
        if (change instanceof RenameTable rename) {
            struct.put(FROM_TABLE, rename.from().toString()).put(TO_TABLE, rename.to().toString());
        } else if (change instanceof AddColumn add) {
            Column column = add.column();
            struct.put(COLUMN, column.name()).put(TO_NULLABLE, column.isNullable())
                    .put(TO_DEFAULT, column.defaultValueExpression().orElse(null));
            putType(struct, TO_TYPE, TO_NATIVE_TYPE, column.type());
        } else if (change instanceof DropColumn drop) {
            struct.put(COLUMN, drop.column());
        } else if (change instanceof RenameColumn rename) {
            struct.put(COLUMN, rename.to()).put(FROM_NAME, rename.from()).put(TO_NAME, rename.to());
        } else if (change instanceof ChangeColumnType retype) {
            struct.put(COLUMN, retype.column()).put(WIDENING, retype.widening());
            putType(struct, FROM_TYPE, FROM_NATIVE_TYPE, retype.from());
            putType(struct, TO_TYPE, TO_NATIVE_TYPE, retype.to());
        } else if (change instanceof ChangeNullability nullability) {
            struct.put(COLUMN, nullability.column()).put(FROM_NULLABLE, nullability.fromNullable())
                    .put(TO_NULLABLE, nullability.toNullable());
        } else if (change instanceof ChangeColumnDefault defaults) {
            struct.put(COLUMN, defaults.column()).put(FROM_DEFAULT, defaults.from()).put(TO_DEFAULT, defaults.to());
        } else if (change instanceof ChangePrimaryKey key) {
            struct.put(FROM_PRIMARY_KEY, key.from()).put(TO_PRIMARY_KEY, key.to());
        }
        return struct;
    }

    static SchemaChange fromStruct(Struct struct, TableId table, Optional<TableSchema> tableSchema) {
        SchemaChangeKind kind = kind(struct.getString(KIND));
        return switch (kind) {
            case CREATE_TABLE -> new CreateTable(tableSchema.orElseThrow(() -> new IllegalArgumentException(
                    "CREATE_TABLE change of " + table + " in an event without table schema")));
            case DROP_TABLE -> new DropTable(table);
            case RENAME_TABLE -> new RenameTable(TableId.parse(required(struct, FROM_TABLE, kind)), TableId.parse(required(struct, TO_TABLE, kind)));
            case TRUNCATE_TABLE -> new Truncate(table);
            case ADD_COLUMN -> new AddColumn(table, addedColumn(struct, tableSchema, kind));
            case DROP_COLUMN -> new DropColumn(table, required(struct, COLUMN, kind));
            case RENAME_COLUMN -> new RenameColumn(table, required(struct, FROM_NAME, kind), required(struct, TO_NAME, kind));
            case CHANGE_COLUMN_TYPE -> new ChangeColumnType(table, required(struct, COLUMN, kind),
                    type(struct, FROM_TYPE, FROM_NATIVE_TYPE, kind), type(struct, TO_TYPE, TO_NATIVE_TYPE, kind),
                    Boolean.TRUE.equals(struct.getBoolean(WIDENING)));
            case CHANGE_NULLABILITY -> new ChangeNullability(table, required(struct, COLUMN, kind),
                    requiredBoolean(struct, FROM_NULLABLE, kind), requiredBoolean(struct, TO_NULLABLE, kind));
            case CHANGE_COLUMN_DEFAULT -> new ChangeColumnDefault(table, required(struct, COLUMN, kind),
                    struct.getString(FROM_DEFAULT), struct.getString(TO_DEFAULT));
            case CHANGE_PRIMARY_KEY -> new ChangePrimaryKey(table, struct.getArray(FROM_PRIMARY_KEY), struct.getArray(TO_PRIMARY_KEY));
        };
    }

    private static Column addedColumn(Struct struct, Optional<TableSchema> tableSchema, SchemaChangeKind kind) {
        String name = required(struct, COLUMN, kind);
        Optional<Column> fromTable = tableSchema.flatMap(schema -> schema.column(name));
        if (fromTable.isPresent()) {
            return fromTable.get();
        }
        return Column.builder(name, type(struct, TO_TYPE, TO_NATIVE_TYPE, kind))
                .nullable(!Boolean.FALSE.equals(struct.getBoolean(TO_NULLABLE)))
                .defaultValueExpression(struct.getString(TO_DEFAULT))
                .build();
    }

    private static void putType(Struct struct, String typeField, String nativeField, ColumnType type) {
        struct.put(typeField, type.toString()).put(nativeField, type.nativeTypeName().orElse(null));
    }

    private static ColumnType type(Struct struct, String typeField, String nativeField, SchemaChangeKind kind) {
        return ColumnType.parse(required(struct, typeField, kind)).withNativeTypeName(struct.getString(nativeField));
    }

    private static SchemaChangeKind kind(String name) {
        try {
            return SchemaChangeKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schema change kind '" + name + "'", e);
        }
    }

    private static String required(Struct struct, String field, SchemaChangeKind kind) {
        String value = struct.getString(field);
        if (value == null) {
            throw new IllegalArgumentException(kind + " change has no '" + field + "'");
        }
        return value;
    }

    private static boolean requiredBoolean(Struct struct, String field, SchemaChangeKind kind) {
        Boolean value = struct.getBoolean(field);
        if (value == null) {
            throw new IllegalArgumentException(kind + " change has no '" + field + "'");
        }
        return value;
    }
}
