package dev.cdc.schema.event;

import static dev.cdc.schema.event.SchemaChangeFields.AUTO_INCREMENTED;
import static dev.cdc.schema.event.SchemaChangeFields.CHARSET_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.COLUMNS;
import static dev.cdc.schema.event.SchemaChangeFields.COLUMN_POSITION;
import static dev.cdc.schema.event.SchemaChangeFields.COLUMN_SCHEMA;
import static dev.cdc.schema.event.SchemaChangeFields.COMMENT;
import static dev.cdc.schema.event.SchemaChangeFields.DEFAULT_VALUE_EXPRESSION;
import static dev.cdc.schema.event.SchemaChangeFields.ENUM_VALUES;
import static dev.cdc.schema.event.SchemaChangeFields.GENERATED;
import static dev.cdc.schema.event.SchemaChangeFields.JDBC_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.LENGTH;
import static dev.cdc.schema.event.SchemaChangeFields.LOGICAL_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.NAME;
import static dev.cdc.schema.event.SchemaChangeFields.NATIVE_TYPE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.OPTIONAL;
import static dev.cdc.schema.event.SchemaChangeFields.PRIMARY_KEY_COLUMN_NAMES;
import static dev.cdc.schema.event.SchemaChangeFields.SCALE;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_SCHEMA;
import static dev.cdc.schema.event.SchemaChangeFields.TYPE_EXPRESSION;
import static dev.cdc.schema.event.SchemaChangeFields.TYPE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.VALID_FROM_POSITION;
import static dev.cdc.schema.event.SchemaChangeFields.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.kafka.connect.data.Struct;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/** A {@link TableSchema} to and from the {@code tableChanges[].table} struct. */
final class TableStructs {
    private TableStructs() {
    }

    static Struct toStruct(TableSchema table) {
        List<Struct> columns = new ArrayList<>();
        table.columns().forEach(column -> columns.add(toStruct(column)));
        return new Struct(TABLE_SCHEMA)
                .put(PRIMARY_KEY_COLUMN_NAMES, table.primaryKey())
                .put(COLUMNS, columns)
                .put(VERSION, table.version())
                .put(VALID_FROM_POSITION, table.validFromPosition());
    }

    static TableSchema fromStruct(TableId id, Struct struct) {
        TableSchema.Builder builder = TableSchema.builder(id)
                .version(orZero(struct.getInt64(VERSION)))
                .validFromPosition(orZero(struct.getInt64(VALID_FROM_POSITION)));
        for (Struct column : struct.<Struct>getArray(COLUMNS)) {
            builder.column(columnFromStruct(id, column));
        }
        List<String> primaryKey = struct.getArray(PRIMARY_KEY_COLUMN_NAMES);
        return builder.primaryKey(primaryKey == null ? List.of() : primaryKey).build();
    }

    private static Struct toStruct(Column column) {
        ColumnType type = column.type();
        Struct struct = new Struct(COLUMN_SCHEMA)
                .put(NAME, column.name())
                .put(JDBC_TYPE, JdbcTypes.of(type))
                .put(TYPE_NAME, type.nativeTypeName().orElse(type.kind().name()))
                .put(TYPE_EXPRESSION, type.nativeTypeName().orElse(type.toString()))
                .put(CHARSET_NAME, type.charset().orElse(null))
                .put(COLUMN_POSITION, column.position())
                .put(OPTIONAL, column.isNullable())
                .put(AUTO_INCREMENTED, column.isAutoIncrement())
                .put(GENERATED, column.isGenerated())
                .put(COMMENT, column.comment().orElse(null))
                .put(DEFAULT_VALUE_EXPRESSION, column.defaultValueExpression().orElse(null))
                .put(LOGICAL_TYPE, type.toString())
                .put(NATIVE_TYPE_NAME, type.nativeTypeName().orElse(null));
        OptionalInt length = type.length().isPresent() ? type.length() : type.precision();
        length.ifPresent(value -> struct.put(LENGTH, value));
        type.scale().ifPresent(value -> struct.put(SCALE, value));
        if (!type.values().isEmpty()) {
            struct.put(ENUM_VALUES, type.values());
        }
        return struct;
    }

    private static Column columnFromStruct(TableId table, Struct struct) {
        String name = struct.getString(NAME);
        String logical = struct.getString(LOGICAL_TYPE);
        if (logical == null) {
            throw new IllegalArgumentException("column '" + name + "' of table " + table + " in a schema-change event has no "
                    + LOGICAL_TYPE + "; events written by other tools (typeName " + struct.getString(TYPE_NAME) + ") are not read yet");
        }
        ColumnType type = ColumnType.parse(logical).withNativeTypeName(struct.getString(NATIVE_TYPE_NAME));
        return Column.builder(name, type)
                .nullable(!Boolean.FALSE.equals(struct.getBoolean(OPTIONAL)))
                .autoIncrement(Boolean.TRUE.equals(struct.getBoolean(AUTO_INCREMENTED)))
                .generated(Boolean.TRUE.equals(struct.getBoolean(GENERATED)))
                .comment(struct.getString(COMMENT))
                .defaultValueExpression(struct.getString(DEFAULT_VALUE_EXPRESSION))
                .build();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
