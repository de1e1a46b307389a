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
    private final List<String> keyColumns;
    private final int[] keyColumnIndexes;
    private final int[] primaryKeyIndexes;

    /** A table whose message key is its primary key. */
    public CapturedTable(TableSchema schema, CaptureFilter filter, ConnectSchemaMapper mapper, String topicPrefix, Schema sourceSchema,
            Clock clock) {
        this(schema, schema.primaryKey(), filter, mapper, topicPrefix, sourceSchema, clock);
    }

    /**
     * @param keyColumns the columns of the message key, in key order: the primary key, or those of
     *                   {@code message.key.columns}; empty for no key
     * @throws DataException when a key column is not a column of the table
     */
    public CapturedTable(TableSchema schema, List<String> keyColumns, CaptureFilter filter, ConnectSchemaMapper mapper, String topicPrefix,
            Schema sourceSchema, Clock clock) {
        this.schema = requireNonNull(schema, "schema is null");
        this.keyColumns = List.copyOf(keyColumns);
        String schemaName = schema.id().schema().orElseThrow();
        this.topic = TopicNames.dataTopic(topicPrefix, schemaName, schema.id().table());
        List<String> missing = this.keyColumns.stream().filter(column -> schema.column(column).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new DataException("table " + displayName() + " has no column " + missing + " for its message key " + this.keyColumns
                    + " (message.key.columns); its columns are " + schema.columnNames());
        }
        TableSchema eventSchema = eventSchema(schema, this.keyColumns, filter);
        this.rowSchema = mapper.rowSchema(eventSchema, TopicNames.valueSchemaName(topic));
        this.keySchema = mapper.keySchema(eventSchema, this.keyColumns, TopicNames.keySchemaName(topic)).orElse(null);
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
        this.keyColumnIndexes = this.keyColumns.stream().mapToInt(name -> schema.columnNames().indexOf(name)).toArray();
        this.primaryKeyIndexes = schema.primaryKey().stream().mapToInt(name -> schema.columnNames().indexOf(name)).toArray();
    }

    /**
     * The table as the events show it: excluded columns left out (never a key column), every column
     * outside the primary key nullable (so message key columns outside it are optional key fields).
     */
    private static TableSchema eventSchema(TableSchema schema, List<String> keyColumns, CaptureFilter filter) {
        String schemaName = schema.id().schema().orElseThrow();
        List<Column> columns = new ArrayList<>();
        for (Column column : schema.columns()) {
            boolean primaryKey = schema.primaryKey().contains(column.name());
            if (primaryKey || keyColumns.contains(column.name()) || filter.includesColumn(schemaName, schema.id().table(), column.name())) {
                columns.add(primaryKey ? column : column.withNullable(true));
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

    /** True when the records have a key (primary key or message key columns). */
    public boolean hasKey() {
        return keySchema != null;
    }

    /** True when the table has a primary key, which snapshot chunks are read by. */
    public boolean hasPrimaryKey() {
        return primaryKeyIndexes.length > 0;
    }

    /** The columns of the message key, in key order. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** {@code schema.table} for messages. */
    public String displayName() {
        return schema.id().schema().orElseThrow() + "." + schema.id().table();
    }

    /**
     * The key struct of a row (full row or key-only tuple); null for a table without key. A message
     * key column outside the primary key that has no value (NULL, or not in a key-only tuple) is null.
     *
     * @throws DataException when a primary key column has no value, or a key column's value was not sent (unchanged TOAST)
     */
    public Struct key(TupleData tuple) {
        if (keySchema == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        for (int index : keyColumnIndexes) {
            String field = schema.columns().get(index).name();
            TupleData.Kind kind = tuple.kind(index);
            if (kind == TupleData.Kind.TEXT) {
                key.put(field, convert(index, tuple.text(index)));
            } else if (kind == TupleData.Kind.UNCHANGED_TOAST || !keySchema.field(field).schema().isOptional()) {
                throw new DataException("table " + displayName() + ": key column '" + field + "' has no value in " + tuple
                        + (kind == TupleData.Kind.UNCHANGED_TOAST ? " (an unchanged TOASTed value, which pgoutput does not send)" : ""));
            }
        }
        return key;
    }

    /**
     * The primary key of a tuple as the text of its values (the identity of a row, whatever the
     * message key); null when the table has no primary key or the tuple lacks a key value.
     */
    public List<String> primaryKeyText(TupleData tuple) {
        if (primaryKeyIndexes.length == 0) {
            return null;
        }
        List<String> values = new ArrayList<>(primaryKeyIndexes.length);
        for (int index : primaryKeyIndexes) {
            if (tuple.kind(index) != TupleData.Kind.TEXT) {
                return null;
            }
            values.add(tuple.text(index));
        }
        return values;
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
