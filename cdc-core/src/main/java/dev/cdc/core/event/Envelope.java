package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Debezium-compatible change-event envelope: the record value is a struct
 * {@code {before, after, source, op, ts_ms, transaction}} named {@code <topic>.Envelope}.
 * <ul>
 *   <li>{@code before}, {@code after}: the row before and after the change, of the optional row
 *   schema {@code <topic>.Value}; {@code before} is null for {@code c} and {@code r}, {@code after}
 *   is null for {@code d}; both are null for {@code t}.</li>
 *   <li>{@code source}: the {@link SourceInfo} block, with {@code source.position}.</li>
 *   <li>{@code op}: the {@link Operation} code; {@code ts_ms}: when the connector made the event;
 *   {@code transaction}: the optional {@link TransactionBlock}.</li>
 * </ul>
 */
public final class Envelope {
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OPERATION = "op";
    public static final String TIMESTAMP = "ts_ms";
    public static final String TRANSACTION = "transaction";
    /** Suffix of envelope schema names. */
    public static final String SCHEMA_NAME_SUFFIX = ".Envelope";
    /** The envelope schema version, as Debezium's. */
    public static final int SCHEMA_VERSION = 2;

    private Envelope() {
    }

    /**
     * The envelope schema of a topic.
     *
     * @param topic        the topic, which names the schema {@code <topic>.Envelope}
     * @param rowSchema    the optional struct schema of the rows ({@code <topic>.Value})
     * @param sourceSchema the schema of the source block, made with {@link SourceInfoSchema}
     * @throws IllegalArgumentException when the row schema is not an optional struct
     */
    public static Schema schema(String topic, Schema rowSchema, Schema sourceSchema) {
        requireNonNull(topic, "topic is null");
        requireNonNull(rowSchema, "rowSchema is null");
        requireNonNull(sourceSchema, "sourceSchema is null");
        if (rowSchema.type() != Schema.Type.STRUCT || !rowSchema.isOptional()) {
            throw new IllegalArgumentException("row schema " + rowSchema.name() + " of topic " + topic
                    + " must be an optional struct (before is null for inserts, after for deletes); build it with "
                    + "SchemaBuilder.struct().optional()");
        }
        return SchemaBuilder.struct()
                .name(TopicNames.envelopeSchemaName(topic))
                .version(SCHEMA_VERSION)
                .field(BEFORE, rowSchema)
                .field(AFTER, rowSchema)
                .field(SOURCE, sourceSchema)
                .field(OPERATION, Schema.STRING_SCHEMA)
                .field(TIMESTAMP, Schema.OPTIONAL_INT64_SCHEMA)
                .field(TRANSACTION, TransactionBlock.SCHEMA)
                .build();
    }
}
