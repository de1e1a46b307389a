package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Builds the schema of the envelope's {@code source} block. The common fields come first, as in
 * Debezium ({@code version, connector, name, ts_ms, snapshot, db, sequence}), then the fields the
 * source module adds (MySQL: {@code table, server_id, gtid, file, pos, row, thread, query};
 * Postgres: {@code schema, table, txId, lsn, xmin}), and last our own required int64 field
 * {@value #POSITION}: the {@link dev.cdc.core.position.SourcePosition} of the event, which sinks use
 * as the version of a row or document.
 *
 * <pre>{@code
 * Schema schema = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
 *         .field("table", Schema.OPTIONAL_STRING_SCHEMA)
 *         .field("server_id", Schema.INT64_SCHEMA)
 *         ...
 *         .build();
 * }</pre>
 */
public final class SourceInfoSchema {
    public static final String VERSION = "version";
    public static final String CONNECTOR = "connector";
    public static final String NAME = "name";
    public static final String TIMESTAMP = "ts_ms";
    public static final String SNAPSHOT = "snapshot";
    public static final String DATABASE = "db";
    public static final String SEQUENCE = "sequence";
    /** Our field: the 63-bit source position of the event ({@code source.position}). */
    public static final String POSITION = "position";

    private static final Set<String> RESERVED = Set.of(VERSION, CONNECTOR, NAME, TIMESTAMP, SNAPSHOT, DATABASE, SEQUENCE, POSITION);

    private final SchemaBuilder builder;

    private SourceInfoSchema(String schemaName) {
        this.builder = SchemaBuilder.struct()
                .name(requireNonNull(schemaName, "schemaName is null"))
                .version(1)
                .field(VERSION, Schema.STRING_SCHEMA)
                .field(CONNECTOR, Schema.STRING_SCHEMA)
                .field(NAME, Schema.STRING_SCHEMA)
                .field(TIMESTAMP, Schema.INT64_SCHEMA)
                .field(SNAPSHOT, SnapshotMarker.schema())
                .field(DATABASE, Schema.STRING_SCHEMA)
                .field(SEQUENCE, Schema.OPTIONAL_STRING_SCHEMA);
    }

    /**
     * A builder with the common fields.
     *
     * @param schemaName e.g. {@code io.debezium.connector.mysql.Source}, so consumers that look at
     *                   the name treat our events like Debezium's
     */
    public static SourceInfoSchema builder(String schemaName) {
        return new SourceInfoSchema(schemaName);
    }

    /**
     * Adds a source-specific field.
     *
     * @throws IllegalArgumentException when the name is one of the common fields or {@code position}
     */
    public SourceInfoSchema field(String name, Schema schema) {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("source field '" + name + "' is defined by SourceInfoSchema itself; reserved names are "
                    + RESERVED);
        }
        builder.field(name, schema);
        return this;
    }

    /** The schema, with {@code position} as its last field. */
    public Schema build() {
        return builder.field(POSITION, Schema.INT64_SCHEMA).build();
    }
}
