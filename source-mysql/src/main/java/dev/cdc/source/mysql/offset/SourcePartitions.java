package dev.cdc.source.mysql.offset;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import java.util.Map;

/**
 * The Connect source partitions of one connector. The stream and the snapshot share one
 * partition, {@code {server: <topic.prefix>}} (Debezium's), so that one offset orders them. The
 * durable schema history keeps one partition per table, {@code {server: <topic.prefix>, table:
 * <db>.<table>}}, whose offset is that table's latest schema (see the history package).
 */
public final class SourcePartitions {
    public static final String SERVER = "server";
    public static final String TABLE = "table";

    private final String topicPrefix;
    private final Map<String, String> stream;

    public SourcePartitions(String topicPrefix) {
        this.topicPrefix = requireNonNull(topicPrefix, "topicPrefix is null");
        this.stream = Map.of(SERVER, topicPrefix);
    }

    /** The partition of change events, snapshot rows and heartbeats. */
    public Map<String, String> stream() {
        return stream;
    }

    /** The partition holding the schema history entry of one table. */
    public Map<String, String> schemaHistory(TableId table) {
        return Map.of(SERVER, topicPrefix, TABLE, table.catalog().orElse("") + "." + table.table());
    }

    public String topicPrefix() {
        return topicPrefix;
    }
}
