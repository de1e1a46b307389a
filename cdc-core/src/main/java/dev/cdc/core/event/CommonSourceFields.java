package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import dev.cdc.core.Version;

/**
 * The values of the common {@code source} fields of one event, plus its position; a source module
 * makes the struct with {@link #newStruct(Schema)} and then puts its own fields.
 *
 * @param connector       the connector type: {@code mysql}, {@code postgresql} (as in Debezium)
 * @param serverName      the {@code topic.prefix}
 * @param timestampMillis when the change was made in the database (commit or event time)
 * @param snapshot        whether the event is a snapshot read
 * @param database        the database name
 * @param position        the {@link dev.cdc.core.position.SourcePosition} of the event
 */
public record CommonSourceFields(String connector, String serverName, long timestampMillis, SnapshotMarker snapshot,
        String database, long position) {

    public CommonSourceFields {
        requireNonNull(connector, "connector is null");
        requireNonNull(serverName, "serverName is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(database, "database is null");
        if (position < 0) {
            throw new IllegalArgumentException("position " + position + " is negative; source positions are 63-bit non-negative");
        }
    }

    /** A struct of a schema made by {@link SourceInfoSchema}, with the common fields and the position set. */
    public Struct newStruct(Schema sourceSchema) {
        return new Struct(requireNonNull(sourceSchema, "sourceSchema is null"))
                .put(SourceInfoSchema.VERSION, Version.get())
                .put(SourceInfoSchema.CONNECTOR, connector)
                .put(SourceInfoSchema.NAME, serverName)
                .put(SourceInfoSchema.TIMESTAMP, timestampMillis)
                .put(SourceInfoSchema.SNAPSHOT, snapshot.value())
                .put(SourceInfoSchema.DATABASE, database)
                .put(SourceInfoSchema.POSITION, position);
    }
}
