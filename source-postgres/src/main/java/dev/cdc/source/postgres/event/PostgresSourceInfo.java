package dev.cdc.source.postgres.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;

/**
 * The {@code source} block of the PostgreSQL source, with Debezium's PostgreSQL fields:
 * {@code schema}, {@code table}, {@code txId}, {@code lsn} (the change's own LSN), {@code xmin}
 * (always null: pgoutput does not send it), plus Debezium's {@code sequence}
 * {@code ["<last commit LSN>","<lsn>"]} and our {@code position}. Thread-safe.
 */
public final class PostgresSourceInfo {
    public static final String CONNECTOR = "postgresql";
    public static final String SCHEMA_NAME = "io.debezium.connector.postgresql.Source";
    public static final String SCHEMA = "schema";
    public static final String TABLE = "table";
    public static final String TX_ID = "txId";
    public static final String LSN = "lsn";
    public static final String XMIN = "xmin";

    public static final Schema SOURCE_SCHEMA = SourceInfoSchema.builder(SCHEMA_NAME)
            .field(SCHEMA, Schema.STRING_SCHEMA)
            .field(TABLE, Schema.STRING_SCHEMA)
            .field(TX_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(LSN, Schema.OPTIONAL_INT64_SCHEMA)
            .field(XMIN, Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private final String serverName;
    private final String database;

    /**
     * @param serverName the {@code topic.prefix}
     * @param database   the captured database
     */
    public PostgresSourceInfo(String serverName, String database) {
        this.serverName = requireNonNull(serverName, "serverName is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** The block of a streamed change. */
    public SourceInfo streamed(String schema, String table, long commitTimeMillis, long transactionId, long lsn,
            long lastCommitLsn, long position) {
        Struct struct = common(commitTimeMillis, SnapshotMarker.FALSE, position, schema, table)
                .put(TX_ID, transactionId)
                .put(LSN, lsn)
                .put(SourceInfoSchema.SEQUENCE, "[" + quoted(lastCommitLsn) + ",\"" + lsn + "\"]");
        return SourceInfo.of(struct);
    }

    /** The block of a snapshot read. */
    public SourceInfo snapshot(String schema, String table, long readTimeMillis, long consistentPointLsn, long position) {
        Struct struct = common(readTimeMillis, SnapshotMarker.TRUE, position, schema, table)
                .put(LSN, consistentPointLsn)
                .put(SourceInfoSchema.SEQUENCE, "[null,\"" + consistentPointLsn + "\"]");
        return SourceInfo.of(struct);
    }

    /** The block of a row of an on-demand (incremental) re-snapshot, read at the chunk's low watermark. */
    public SourceInfo incrementalSnapshot(String schema, String table, long readTimeMillis, long lowWatermarkLsn, long position) {
        Struct struct = common(readTimeMillis, SnapshotMarker.INCREMENTAL, position, schema, table)
                .put(LSN, lowWatermarkLsn)
                .put(SourceInfoSchema.SEQUENCE, "[null,\"" + lowWatermarkLsn + "\"]");
        return SourceInfo.of(struct);
    }

    private Struct common(long timestampMillis, SnapshotMarker marker, long position, String schema, String table) {
        return new CommonSourceFields(CONNECTOR, serverName, timestampMillis, marker, database, position)
                .newStruct(SOURCE_SCHEMA)
                .put(SCHEMA, requireNonNull(schema, "schema is null"))
                .put(TABLE, requireNonNull(table, "table is null"));
    }

    private static String quoted(long lsn) {
        return lsn <= 0 ? "null" : "\"" + lsn + "\"";
    }
}
