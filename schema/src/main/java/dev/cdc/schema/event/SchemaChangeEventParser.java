package dev.cdc.schema.event;

import static dev.cdc.schema.event.SchemaChangeFields.CHANGES;
import static dev.cdc.schema.event.SchemaChangeFields.CHANGE_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.DATABASE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.DDL;
import static dev.cdc.schema.event.SchemaChangeFields.POSITION;
import static dev.cdc.schema.event.SchemaChangeFields.SCHEMA_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.SOURCE;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_CHANGES;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.TS_MS;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.diff.SchemaChange;

/**
 * Reads the value structs written by {@link SchemaChangeEventWriter} back into
 * {@link SchemaChangeEvent}s, for sinks. Stateless and thread-safe.
 *
 * <p>Only our own events are read: Debezium's schema-change events lack {@code tableName},
 * {@code changeType}, {@code position}, {@code changes} and the columns' {@code logicalType}, and
 * are rejected with a message saying so ({@link #isOurs(Schema)} tells them apart up front).
 */
public final class SchemaChangeEventParser {
    private SchemaChangeEventParser() {
    }

    /** True when {@code valueSchema} is the value schema of our schema-change events. */
    public static boolean isOurs(Schema valueSchema) {
        return valueSchema != null && SchemaChangeFields.VALUE_SCHEMA_NAME.equals(valueSchema.name());
    }

    /**
     * @throws IllegalArgumentException naming the table and the problem when the struct is not a
     *                                  schema-change event of ours or is inconsistent
     */
    public static SchemaChangeEvent parse(Struct value) {
        requireNonNull(value, "value is null");
        if (!isOurs(value.schema())) {
            throw new IllegalArgumentException("not a schema-change event of this project: value schema is "
                    + value.schema().name() + ", expected " + SchemaChangeFields.VALUE_SCHEMA_NAME
                    + " (Debezium's schema-change events are not read)");
        }
        try {
            return parseOurs(value);
        } catch (DataException e) {
            throw new IllegalArgumentException("malformed schema-change event: " + e.getMessage(), e);
        }
    }

    private static SchemaChangeEvent parseOurs(Struct value) {
        TableId table = TableId.of(value.getString(DATABASE_NAME), value.getString(SCHEMA_NAME), value.getString(TABLE_NAME));
        SchemaChangeEvent.Type type = type(value.getString(CHANGE_TYPE), table);
        Optional<TableSchema> tableSchema = tableSchema(value, table);
        List<SchemaChange> changes = new ArrayList<>();
        for (Struct change : value.<Struct>getArray(CHANGES)) {
            changes.add(ChangeStructs.fromStruct(change, table, tableSchema));
        }
        return SchemaChangeEvent.builder(table, type)
                .source(value.getStruct(SOURCE))
                .timestampMillis(value.getInt64(TS_MS))
                .position(value.getInt64(POSITION))
                .ddl(value.getString(DDL))
                .tableSchema(tableSchema.orElse(null))
                .changes(changes)
                .build();
    }

    private static Optional<TableSchema> tableSchema(Struct value, TableId table) {
        List<Struct> tableChanges = value.getArray(TABLE_CHANGES);
        if (tableChanges.isEmpty()) {
            return Optional.empty();
        }
        if (tableChanges.size() > 1) {
            throw new IllegalArgumentException("schema-change event for " + table + " has " + tableChanges.size()
                    + " tableChanges; ours have at most one");
        }
        Struct tableStruct = tableChanges.get(0).getStruct(TABLE);
        return tableStruct == null ? Optional.empty() : Optional.of(TableStructs.fromStruct(table, tableStruct));
    }

    private static SchemaChangeEvent.Type type(String name, TableId table) {
        try {
            return SchemaChangeEvent.Type.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema-change event for " + table + " has unknown changeType '" + name + "'", e);
        }
    }
}
