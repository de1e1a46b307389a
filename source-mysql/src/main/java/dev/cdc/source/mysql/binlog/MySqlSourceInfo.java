package dev.cdc.source.mysql.binlog;

import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The {@code source} block of the MySQL connector's events: Debezium's MySQL fields
 * ({@code table, server_id, gtid, file, pos, row, thread, query}) after the common ones, and our
 * {@code position} last. {@code pos} is the start of the rows event, {@code row} the row's index in it.
 */
public final class MySqlSourceInfo {
    public static final String CONNECTOR = "mysql";
    public static final Schema SCHEMA = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .field("thread", Schema.OPTIONAL_INT64_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private MySqlSourceInfo() {
    }

    /** The source block of one streamed change. */
    public static SourceInfo streamed(String serverName, long timestampMillis, String database, String table, long serverId,
            String gtid, String file, long eventPosition, int row, long position) {
        Struct struct = new CommonSourceFields(CONNECTOR, serverName, timestampMillis, SnapshotMarker.FALSE, database, position)
                .newStruct(SCHEMA)
                .put("table", table)
                .put("server_id", serverId)
                .put("gtid", gtid)
                .put("file", file)
                .put("pos", eventPosition)
                .put("row", row);
        return SourceInfo.of(struct);
    }
}
