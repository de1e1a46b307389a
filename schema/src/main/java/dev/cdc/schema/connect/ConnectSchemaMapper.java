package dev.cdc.schema.connect;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.SchemaBuilderException;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableSchema;

/**
 * Maps the schema model to Kafka Connect schemas the way Debezium's defaults do (see the table
 * in {@code schema/README.md}): one struct of the primary-key columns for the record key and one
 * optional struct of all columns for the row images ({@code before}/{@code after}).
 *
 * <p>A column's schema is optional exactly when the column is nullable. Schemas are immutable
 * and cheap to share: build them once per table schema version, not per record. Thread-safe.
 */
public final class ConnectSchemaMapper {
    private final ConnectMappingOptions options;
    private final ColumnDefaultConverter defaults;
    private final ColumnTypeToConnect types;

    /** A mapper that sets no column defaults. */
    public ConnectSchemaMapper(ConnectMappingOptions options) {
        this(options, ColumnDefaultConverter.NONE);
    }

    public ConnectSchemaMapper(ConnectMappingOptions options, ColumnDefaultConverter defaults) {
        this.options = requireNonNull(options, "options is null");
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.types = new ColumnTypeToConnect(options);
    }

    public ConnectMappingOptions options() {
        return options;
    }

    /** The required schema of a type, without column parameters or defaults. */
    public Schema typeSchema(ColumnType type) {
        return types.builder(requireNonNull(type, "type is null")).build();
    }

    /**
     * The schema of one column: its type's schema, optional when the column is nullable, with
     * the source-type parameters when {@link ConnectMappingOptions#propagateSourceTypes()} and
     * the default from the {@link ColumnDefaultConverter}.
     *
     * @throws IllegalArgumentException when the converter returns a default that does not fit the schema
     */
    public Schema columnSchema(Column column) {
        SchemaBuilder builder = types.builder(column.type());
        if (column.isNullable()) {
            builder.optional();
        }
        if (options.propagateSourceTypes()) {
            addSourceTypeParameters(builder, column.type());
        }
        column.defaultValueExpression().ifPresent(expression -> setDefault(builder, column));
        return builder.build();
    }

    /**
     * The row schema: an optional struct named {@code schemaName} (Debezium: {@code <topic>.Value})
     * with one field per column, in column order.
     */
    public Schema rowSchema(TableSchema table, String schemaName) {
        requireNonNull(schemaName, "schemaName is null");
        SchemaBuilder builder = SchemaBuilder.struct().name(schemaName).optional();
        table.columns().forEach(column -> builder.field(column.name(), columnSchema(column)));
        return builder.build();
    }

    /**
     * The key schema: a required struct named {@code schemaName} (Debezium: {@code <topic>.Key}) of
     * the primary-key columns in key order; empty for a table without a primary key.
     */
    public Optional<Schema> keySchema(TableSchema table, String schemaName) {
        return keySchema(table, table.primaryKey(), schemaName);
    }

    /**
     * A key schema over chosen columns (Debezium's {@code message.key.columns} for tables without a
     * primary key); empty when {@code keyColumns} is empty.
     *
     * @throws IllegalArgumentException when a key column is not a column of the table
     */
    public Optional<Schema> keySchema(TableSchema table, List<String> keyColumns, String schemaName) {
        requireNonNull(schemaName, "schemaName is null");
        if (keyColumns.isEmpty()) {
            return Optional.empty();
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(schemaName);
        for (String name : keyColumns) {
            Column column = table.column(name).orElseThrow(() -> new IllegalArgumentException(
                    "key column '" + name + "' is not a column of table " + table.id() + "; columns are " + table.columnNames()));
            builder.field(name, columnSchema(column));
        }
        return Optional.of(builder.build());
    }

    private static void addSourceTypeParameters(SchemaBuilder builder, ColumnType type) {
        builder.parameter(ConnectSchemaNames.LOGICAL_TYPE_PARAMETER, type.toString());
        type.nativeTypeName().ifPresent(name -> builder.parameter(ConnectSchemaNames.SOURCE_COLUMN_TYPE_PARAMETER, name));
        sourceLength(type).ifPresent(length -> builder.parameter(ConnectSchemaNames.SOURCE_COLUMN_LENGTH_PARAMETER,
                Integer.toString(length)));
        type.scale().ifPresent(scale -> builder.parameter(ConnectSchemaNames.SOURCE_COLUMN_SCALE_PARAMETER, Integer.toString(scale)));
    }

    private void setDefault(SchemaBuilder builder, Column column) {
        Optional<Object> value = defaults.toConnectDefault(column, builder.build());
        if (value.isEmpty()) {
            return;
        }
        try {
            builder.defaultValue(value.get());
        } catch (SchemaBuilderException e) {
            throw new IllegalArgumentException("default " + value.get() + " (" + value.get().getClass().getSimpleName()
                    + ") of column '" + column.name() + "' does not fit its Connect schema " + builder.type()
                    + " " + builder.name() + ": " + e.getMessage(), e);
        }
    }

    /** Debezium's column "length": characters, bytes, bits, decimal precision or fractional-second digits. */
    static OptionalInt sourceLength(ColumnType type) {
        return type.length().isPresent() ? type.length() : type.precision();
    }
}
