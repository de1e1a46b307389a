package dev.cdc.schema.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Field names and the fixed Connect schemas of schema-change events. Names shared with
 * Debezium's schema-change events keep Debezium's spelling ({@code ts_ms}, {@code databaseName},
 * {@code tableChanges}, and the column fields of {@code tableChanges[].table.columns}); the rest
 * are ours.
 */
public final class SchemaChangeFields {
    public static final String VALUE_SCHEMA_NAME = "dev.cdc.schema.SchemaChangeValue";
    public static final String KEY_SCHEMA_NAME = "dev.cdc.schema.SchemaChangeKey";
    public static final String TABLE_CHANGE_SCHEMA_NAME = "dev.cdc.schema.TableChange";
    public static final String TABLE_SCHEMA_NAME = "dev.cdc.schema.Table";
    public static final String COLUMN_SCHEMA_NAME = "dev.cdc.schema.Column";
    public static final String CHANGE_SCHEMA_NAME = "dev.cdc.schema.StructuredChange";

    // value
    public static final String SOURCE = "source";
    public static final String TS_MS = "ts_ms";
    public static final String DATABASE_NAME = "databaseName";
    public static final String SCHEMA_NAME = "schemaName";
    public static final String TABLE_NAME = "tableName";
    public static final String DDL = "ddl";
    public static final String CHANGE_TYPE = "changeType";
    public static final String POSITION = "position";
    public static final String TABLE_CHANGES = "tableChanges";
    public static final String CHANGES = "changes";

    // tableChanges[]
    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String PREVIOUS_ID = "previousId";
    public static final String TABLE = "table";

    // table
    public static final String DEFAULT_CHARSET_NAME = "defaultCharsetName";
    public static final String PRIMARY_KEY_COLUMN_NAMES = "primaryKeyColumnNames";
    public static final String COLUMNS = "columns";
    public static final String COMMENT = "comment";
    public static final String VERSION = "version";
    public static final String VALID_FROM_POSITION = "validFromPosition";

    // column
    public static final String NAME = "name";
    public static final String JDBC_TYPE = "jdbcType";
    public static final String NATIVE_TYPE = "nativeType";
    public static final String TYPE_NAME = "typeName";
    public static final String TYPE_EXPRESSION = "typeExpression";
    public static final String CHARSET_NAME = "charsetName";
    public static final String LENGTH = "length";
    public static final String SCALE = "scale";
    public static final String COLUMN_POSITION = "position";
    public static final String OPTIONAL = "optional";
    public static final String AUTO_INCREMENTED = "autoIncremented";
    public static final String GENERATED = "generated";
    public static final String DEFAULT_VALUE_EXPRESSION = "defaultValueExpression";
    public static final String ENUM_VALUES = "enumValues";
    public static final String LOGICAL_TYPE = "logicalType";
    public static final String NATIVE_TYPE_NAME = "nativeTypeName";

    // structured change
    public static final String KIND = "kind";
    public static final String COLUMN = "column";
    public static final String FROM_NAME = "fromName";
    public static final String TO_NAME = "toName";
    public static final String FROM_TYPE = "fromType";
    public static final String TO_TYPE = "toType";
    public static final String FROM_NATIVE_TYPE = "fromNativeType";
    public static final String TO_NATIVE_TYPE = "toNativeType";
    public static final String WIDENING = "widening";
    public static final String FROM_NULLABLE = "fromNullable";
    public static final String TO_NULLABLE = "toNullable";
    public static final String FROM_DEFAULT = "fromDefault";
    public static final String TO_DEFAULT = "toDefault";
    public static final String FROM_PRIMARY_KEY = "fromPrimaryKey";
    public static final String TO_PRIMARY_KEY = "toPrimaryKey";
    public static final String FROM_TABLE = "fromTable";
    public static final String TO_TABLE = "toTable";

    private static final Schema OPTIONAL_STRINGS = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();

    /** Key: the database, so that the DDL of one database stays in order in one partition. */
    public static final Schema KEY_SCHEMA = SchemaBuilder.struct().name(KEY_SCHEMA_NAME)
            .field(DATABASE_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema COLUMN_SCHEMA = SchemaBuilder.struct().name(COLUMN_SCHEMA_NAME)
            .field(NAME, Schema.STRING_SCHEMA)
            .field(JDBC_TYPE, Schema.INT32_SCHEMA)
            .field(NATIVE_TYPE, Schema.OPTIONAL_INT32_SCHEMA)
            .field(TYPE_NAME, Schema.STRING_SCHEMA)
            .field(TYPE_EXPRESSION, Schema.OPTIONAL_STRING_SCHEMA)
            .field(CHARSET_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(LENGTH, Schema.OPTIONAL_INT32_SCHEMA)
            .field(SCALE, Schema.OPTIONAL_INT32_SCHEMA)
            .field(COLUMN_POSITION, Schema.INT32_SCHEMA)
            .field(OPTIONAL, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(AUTO_INCREMENTED, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(GENERATED, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(COMMENT, Schema.OPTIONAL_STRING_SCHEMA)
            .field(DEFAULT_VALUE_EXPRESSION, Schema.OPTIONAL_STRING_SCHEMA)
            .field(ENUM_VALUES, OPTIONAL_STRINGS)
            .field(LOGICAL_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(NATIVE_TYPE_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema TABLE_SCHEMA = SchemaBuilder.struct().name(TABLE_SCHEMA_NAME).optional()
            .field(DEFAULT_CHARSET_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(PRIMARY_KEY_COLUMN_NAMES, OPTIONAL_STRINGS)
            .field(COLUMNS, SchemaBuilder.array(COLUMN_SCHEMA).build())
            .field(COMMENT, Schema.OPTIONAL_STRING_SCHEMA)
            .field(VERSION, Schema.OPTIONAL_INT64_SCHEMA)
            .field(VALID_FROM_POSITION, Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    public static final Schema TABLE_CHANGE_SCHEMA = SchemaBuilder.struct().name(TABLE_CHANGE_SCHEMA_NAME)
            .field(TYPE, Schema.STRING_SCHEMA)
            .field(ID, Schema.STRING_SCHEMA)
            .field(PREVIOUS_ID, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TABLE, TABLE_SCHEMA)
            .build();

    public static final Schema CHANGE_SCHEMA = SchemaBuilder.struct().name(CHANGE_SCHEMA_NAME)
            .field(KIND, Schema.STRING_SCHEMA)
            .field(COLUMN, Schema.OPTIONAL_STRING_SCHEMA)
            .field(FROM_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TO_NAME, Schema.OPTIONAL_STRING_SCHEMA)
            .field(FROM_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TO_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(FROM_NATIVE_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TO_NATIVE_TYPE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(WIDENING, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(FROM_NULLABLE, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(TO_NULLABLE, Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field(FROM_DEFAULT, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TO_DEFAULT, Schema.OPTIONAL_STRING_SCHEMA)
            .field(FROM_PRIMARY_KEY, OPTIONAL_STRINGS)
            .field(TO_PRIMARY_KEY, OPTIONAL_STRINGS)
            .field(FROM_TABLE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TO_TABLE, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private SchemaChangeFields() {
    }

    /** The value schema for events whose {@code source} block has {@code sourceSchema}. */
    public static Schema valueSchema(Schema sourceSchema) {
        return SchemaBuilder.struct().name(VALUE_SCHEMA_NAME)
                .field(SOURCE, sourceSchema)
                .field(TS_MS, Schema.INT64_SCHEMA)
                .field(DATABASE_NAME, Schema.OPTIONAL_STRING_SCHEMA)
                .field(SCHEMA_NAME, Schema.OPTIONAL_STRING_SCHEMA)
                .field(TABLE_NAME, Schema.STRING_SCHEMA)
                .field(DDL, Schema.OPTIONAL_STRING_SCHEMA)
                .field(CHANGE_TYPE, Schema.STRING_SCHEMA)
                .field(POSITION, Schema.INT64_SCHEMA)
                .field(TABLE_CHANGES, SchemaBuilder.array(TABLE_CHANGE_SCHEMA).build())
                .field(CHANGES, SchemaBuilder.array(CHANGE_SCHEMA).build())
                .build();
    }
}
