package dev.cdc.sink.jdbc.record;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.TableId;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventParser;
import dev.cdc.sink.jdbc.config.TableNameFormat;
import dev.cdc.sink.jdbc.table.TableRef;

/**
 * Reads the structured schema-change events sources put on {@code <topic.prefix>.schema-changes}
 * (records whose value schema {@link SchemaChangeEventParser#isOurs} recognises) and names their
 * target tables as {@code table.name.format} names the tables of the data events: {@code ${topic}}
 * is the table's data topic ({@code <prefix>.<database or schema>.<table>}, the prefix being the
 * record's topic without {@code .schema-changes}), {@code ${source.db}} the event's database (or the
 * source block's {@code db}), {@code ${source.schema}} and {@code ${source.table}} the table id's.
 * Stateless.
 */
public final class SchemaChangeDecoder {
    static final String TOPIC_SUFFIX = ".schema-changes";

    private final TableNameFormat tableNames;

    public SchemaChangeDecoder(TableNameFormat tableNames) {
        this.tableNames = requireNonNull(tableNames, "tableNames is null");
    }

    /** True for the records of our schema-change events, which are no data and never become rows. */
    public static boolean isSchemaChange(SinkRecord record) {
        return record.value() != null && SchemaChangeEventParser.isOurs(record.valueSchema());
    }

    /**
     * @throws DataException naming the record when the event cannot be read
     */
    public SchemaChangeEvent decode(SinkRecord record) {
        if (!(record.value() instanceof Struct value)) {
            throw new DataException(coordinates(record) + " has a schema-change value schema but no Struct value");
        }
        try {
            return SchemaChangeEventParser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DataException(coordinates(record) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The target table of a table id of an event carried by {@code record}.
     *
     * @throws DataException when the name format needs a value the event does not have
     */
    public TableRef target(SinkRecord record, SchemaChangeEvent event, TableId table) {
        String topic = record.topic();
        String prefix = topic.endsWith(TOPIC_SUFFIX) ? topic.substring(0, topic.length() - TOPIC_SUFFIX.length()) : topic;
        String databaseOrSchema = table.schema().or(table::catalog).orElse(sourceField(event.source(), "db"));
        String dataTopic = databaseOrSchema == null ? prefix + "." + table.table()
                : TopicNames.dataTopic(prefix, databaseOrSchema, table.table());
        try {
            return TableRef.parse(tableNames.resolve(dataTopic, name -> switch (name) {
                case "db" -> table.catalog().orElse(sourceField(event.source(), "db"));
                case "schema" -> table.schema().orElse(null);
                case "table" -> table.table();
                default -> null;
            }));
        } catch (IllegalArgumentException e) {
            throw new DataException(coordinates(record) + ", schema-change event for " + table + ": " + e.getMessage(), e);
        }
    }

    private static String sourceField(Struct source, String name) {
        Field field = source == null ? null : source.schema().field(name);
        Object value = field == null ? null : source.get(field);
        return value == null ? null : value.toString();
    }

    private static String coordinates(SinkRecord record) {
        return "Record at topic " + record.originalTopic() + " partition " + record.originalKafkaPartition() + " offset "
                + record.originalKafkaOffset();
    }
}
