package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.Column;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.connect.ConnectSchemaMapper;
import dev.cdc.source.postgres.config.CaptureFilter;
import dev.cdc.source.postgres.replication.TupleData;
import dev.cdc.source.postgres.types.TextValueConverter;
import dev.cdc.source.postgres.types.TextValueConverters;

/**
 * One captured table at one schema version: its topic, Connect key and row schemas, the value
 * converters of its columns and the {@link ChangeRecordFactory} of its records. Built once per
 * schema version (Relation message), immutable and thread-safe.
 *
 * <p>In the Connect row schema every column outside the primary key is optional, also when it is
 * NOT NULL: pgoutput leaves values out of before images under REPLICA IDENTITY DEFAULT and out of
 * updates for unchanged TOASTed values, and the connector emits those as null (see the module
 * README). The table schema in schema-change events keeps the real nullability.
 */
public final class CapturedTable {
    private final TableSchema schema;
    private final String topic;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final ChangeRecordFactory records;
    /** Per column of the table (relation order): its converter, or null when the column is excluded. */
    private final TextValueConverter[] converters;
    private final String[] fieldNames;
    private final int[] keyColumnIndexes;

    public CapturedTable(TableSchema schema, CaptureFilter filter, ConnectSchemaMapper mapper, String topicPrefix, Schema sourceSchema,
            Clock clock) {
        this.schema = requireNonNull(schema, "schema is null");
        String schemaName = schema.id().schema().orElseThrow();
        this.topic = TopicNames.dataTopic(topicPrefix, schemaName, schema.id().table());
        TableSchema eventSchema = eventSchema(schema, filter);
        this.rowSchema = mapper.rowSchema(eventSchema, TopicNames.valueSchemaName(topic));
        this.keySchema = mapper.keySchema(eventSchema, TopicNames.keySchemaName(topic)).orElse(null);
        this.records = new ChangeRecordFactory(topic, keySchema, rowSchema, sourceSchema, clock);
        int count = schema.columns().size();
        this.converters = new TextValueConverter[count];
        this.fieldNames = new String[count];
        for (int i = 0; i < count; i++) {
            Column column = schema.columns().get(i);
            if (eventSchema.column(column.name()).isPresent()) {
                fieldNames[i] = column.name();
                converters[i] = TextValueConverters.forColumn(column.type(), rowSchema.field(column.name()).schema());
            }
        }
        this.keyColumnIndexes = schema.primaryKey().stream().mapToInt(name -> schema.columnNames().indexOf(name)).toArray();
    }

    /** The table as the events show it: excluded columns left out, every non-key column nullable. */
    private static TableSchema eventSchema(TableSchema schema, CaptureFilter filter) {
        String schemaName = schema.id().schema().orElseThrow();
        List<Column> columns = new ArrayList<>();
        for (Column column : schema.columns()) {
            boolean key = schema.primaryKey().contains(column.name());
            if (key || filter.includesColumn(schemaName, schema.id().table(), column.name())) {
                columns.add(key ? column : column.withNullable(true));
            }
        }
        return schema.toBuilder().columns(columns).build();
    }

    public TableSchema schema() {
        return schema;
    }

    public String topic() {
        return topic;
    }

    public ChangeRecordFactory records() {
        return records;
    }

    /** The key schema; null for a table without primary key. */
    public Schema keySchema() {
        return keySchema;
    }

    public Schema rowSchema() {
        return rowSchema;
    }

    public boolean hasKey() {
        return keySchema != null;
    }

    /** {@code schema.table} for messages. */
    public String displayName() {
        return schema.id().schema().orElseThrow() + "." + schema.id().table();
    }

    /**
     * The key struct of a row (full row or key-only tuple); null for a table without primary key.
     *
     * @throws DataException when a key column has no value
     */
    public Struct key(TupleData tuple) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (int index : keyColumnIndexes) {
            if (tuple.kind(index) != TupleData.Kind.TEXT) {
                throw new DataException("table " + displayName() + ": primary key column '" + fieldNames[index]
                        + "' has no value in " + tuple);
            }
            key.put(fieldNames[index], convert(index, tuple.text(index)));
        }
        return key;
    }

    /**
     * The row struct of a tuple.
     *
     * @param tuple    the values sent
     * @param fallback the old row of the same change (REPLICA IDENTITY FULL), whose values stand in
     *                 for unchanged TOASTed values of {@code tuple}; may be null
     */
    public RowImage row(TupleData tuple, TupleData fallback) {
        requireNonNull(tuple, "tuple is null");
        if (tuple.size() != converters.length) {
            throw new DataException("table " + displayName() + " has " + converters.length + " columns but the change has "
                    + tuple.size() + " values; the relation and the change disagree");
        }
        Struct row = new Struct(rowSchema);
        List<String> unchanged = new ArrayList<>();
        for (int i = 0; i < converters.length; i++) {
            if (converters[i] == null) {
                continue;
            }
            switch (tuple.kind(i)) {
                case TEXT -> row.put(fieldNames[i], convert(i, tuple.text(i)));
                case NULL -> row.put(fieldNames[i], null);
                case UNCHANGED_TOAST -> {
                    if (fallback != null && fallback.kind(i) == TupleData.Kind.TEXT) {
                        row.put(fieldNames[i], convert(i, fallback.text(i)));
                    } else {
                        unchanged.add(fieldNames[i]);
                    }
                }
            }
        }
        return new RowImage(row, unchanged);
    }

    /** The key struct of a row struct made by {@link #row}, for snapshot reads. */
    public Struct keyOf(Struct row) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        keySchema.fields().forEach(field -> key.put(field.name(), row.get(field.name())));
        return key;
    }

    private Object convert(int index, String text) {
        try {
            return converters[index].convert(text);
        } catch (RuntimeException e) {
            Column column = schema.columns().get(index);
            String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
            throw new DataException("table " + displayName() + ", column '" + column.name() + "' ("
                    + column.type().nativeTypeName().orElse(column.type().toString()) + "): cannot convert value '" + shown + "': "
                    + e.getMessage(), e);
        }
    }
}
