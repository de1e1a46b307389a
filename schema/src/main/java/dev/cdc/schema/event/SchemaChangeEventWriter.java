package dev.cdc.schema.event;

import static dev.cdc.schema.event.SchemaChangeFields.CHANGES;
import static dev.cdc.schema.event.SchemaChangeFields.CHANGE_TYPE;
import static dev.cdc.schema.event.SchemaChangeFields.DATABASE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.DDL;
import static dev.cdc.schema.event.SchemaChangeFields.ID;
import static dev.cdc.schema.event.SchemaChangeFields.POSITION;
import static dev.cdc.schema.event.SchemaChangeFields.PREVIOUS_ID;
import static dev.cdc.schema.event.SchemaChangeFields.SCHEMA_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.SOURCE;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_CHANGES;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_CHANGE_SCHEMA;
import static dev.cdc.schema.event.SchemaChangeFields.TABLE_NAME;
import static dev.cdc.schema.event.SchemaChangeFields.TS_MS;
import static dev.cdc.schema.event.SchemaChangeFields.TYPE;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.diff.SchemaChange.RenameTable;

/**
 * Writes {@link SchemaChangeEvent}s as Connect key and value structs for the
 * {@code <topic.prefix>.schema-changes} topic. One writer per source schema; thread-safe.
 *
 * <p>The value keeps Debezium's schema-change fields ({@code source}, {@code ts_ms},
 * {@code databaseName}, {@code schemaName}, {@code ddl}, {@code tableChanges} with one entry of
 * type CREATE, ALTER or DROP carrying the table and its columns) and adds ours:
 * {@code tableName}, {@code changeType}, {@code position} and {@code changes}, the structured
 * changes. A TRUNCATE event has an empty {@code tableChanges}. See {@link SchemaChangeFields}.
 */
public final class SchemaChangeEventWriter {
    private final Schema sourceSchema;
    private final Schema valueSchema;

    public SchemaChangeEventWriter(Schema sourceSchema) {
        this.sourceSchema = requireNonNull(sourceSchema, "sourceSchema is null");
        this.valueSchema = SchemaChangeFields.valueSchema(sourceSchema);
    }

    public Schema keySchema() {
        return SchemaChangeFields.KEY_SCHEMA;
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    public Struct key(SchemaChangeEvent event) {
        return new Struct(SchemaChangeFields.KEY_SCHEMA).put(DATABASE_NAME, event.table().catalog().orElse(null));
    }

    /**
     * @throws IllegalArgumentException when the event's source struct has another schema than this writer's
     */
    public Struct value(SchemaChangeEvent event) {
        if (!event.source().schema().equals(sourceSchema)) {
            throw new IllegalArgumentException("the source block of the event for " + event.table() + " has schema "
                    + event.source().schema().name() + ", not the writer's " + sourceSchema.name());
        }
        TableId table = event.table();
        List<Struct> changes = new ArrayList<>();
        event.changes().forEach(change -> changes.add(ChangeStructs.toStruct(change)));
        Struct value = new Struct(valueSchema)
                .put(SOURCE, event.source())
                .put(TS_MS, event.timestampMillis())
                .put(DATABASE_NAME, table.catalog().orElse(null))
                .put(SCHEMA_NAME, table.schema().orElse(null))
                .put(TABLE_NAME, table.table())
                .put(DDL, event.ddl().orElse(null))
                .put(CHANGE_TYPE, event.type().name())
                .put(POSITION, event.position())
                .put(TABLE_CHANGES, tableChanges(event))
                .put(CHANGES, changes);
        value.validate();
        return value;
    }

    private static List<Struct> tableChanges(SchemaChangeEvent event) {
        if (event.type() == SchemaChangeEvent.Type.TRUNCATE) {
            return List.of();
        }
        Struct change = new Struct(TABLE_CHANGE_SCHEMA)
                .put(TYPE, event.type().name())
                .put(ID, doubleQuoted(event.table()))
                .put(TABLE, event.tableSchema().map(TableStructs::toStruct).orElse(null));
        for (SchemaChange structured : event.changes()) {
            if (structured instanceof RenameTable rename) {
                change.put(PREVIOUS_ID, doubleQuoted(rename.from()));
            }
        }
        return List.of(change);
    }

    /** Debezium's table id form in {@code tableChanges[].id}: {@code "db"."table"}. */
    static String doubleQuoted(TableId id) {
        StringBuilder out = new StringBuilder();
        id.catalog().ifPresent(catalog -> out.append(quote(catalog)).append('.'));
        id.schema().ifPresent(schema -> out.append(quote(schema)).append('.'));
        return out.append(quote(id.table())).toString();
    }

    private static String quote(String part) {
        return '"' + part.replace("\"", "\"\"") + '"';
    }
}
