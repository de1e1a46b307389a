package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The {@code source} block of this connector's events: Debezium's MySQL fields
 * ({@code table, server_id, gtid, file, pos, row, thread, query}) after the common ones, and our
 * {@code position} last. {@code pos} is the start of the event, {@code row} the index of the row in
 * it, so that {@code pos + row} is the offset part of {@code position}.
 */
public final class MySqlSourceInfo {
    public static final String SCHEMA_NAME = "io.debezium.connector.mysql.Source";
    public static final String CONNECTOR = "mysql";
    public static final String TABLE = "table";
    public static final String SERVER_ID = "server_id";
    public static final String GTID = "gtid";
    public static final String FILE = "file";
    public static final String POS = "pos";
    public static final String ROW = "row";
    public static final String THREAD = "thread";
    public static final String QUERY = "query";

    public static final Schema SCHEMA = SourceInfoSchema.builder(SCHEMA_NAME)
            .field(TABLE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(SERVER_ID, Schema.INT64_SCHEMA)
            .field(GTID, Schema.OPTIONAL_STRING_SCHEMA)
            .field(FILE, Schema.STRING_SCHEMA)
            .field(POS, Schema.INT64_SCHEMA)
            .field(ROW, Schema.INT32_SCHEMA)
            .field(THREAD, Schema.OPTIONAL_INT64_SCHEMA)
            .field(QUERY, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private final String serverName;

    /** @param serverName the {@code topic.prefix} */
    public MySqlSourceInfo(String serverName) {
        this.serverName = requireNonNull(serverName, "serverName is null");
    }

    /** The source block of one event. */
    public SourceInfo of(Event event) {
        requireNonNull(event, "event is null");
        Struct struct = new CommonSourceFields(CONNECTOR, serverName, event.timestampMillis(), event.snapshot(), event.database(),
                event.position()).newStruct(SCHEMA)
                .put(TABLE, event.table())
                .put(SERVER_ID, event.serverId())
                .put(GTID, event.gtid())
                .put(FILE, event.file())
                .put(POS, event.pos())
                .put(ROW, event.row())
                .put(THREAD, event.thread())
                .put(QUERY, event.query());
        return SourceInfo.of(struct);
    }

    /** The values of one source block. {@code table}, {@code gtid}, {@code thread} and {@code query} may be null. */
    public record Event(long timestampMillis, SnapshotMarker snapshot, String database, String table, long serverId, String gtid,
            String file, long pos, int row, Long thread, String query, long position) {
        public Event {
            requireNonNull(snapshot, "snapshot is null");
            requireNonNull(database, "database is null");
            requireNonNull(file, "file is null");
        }
    }
}
