package dev.cdc.sink.elasticsearch.event;

import static java.util.Objects.requireNonNull;

/**
 * Which table a record is about, for the index name template: the topic, and the database,
 * schema and table from the event's source block, falling back to the topic
 * {@code <prefix>.<db>.<table>} (its last two segments) when the record has no source block.
 */
public record TableRef(String topic, String db, String schema, String table) {
    public TableRef {
        requireNonNull(topic, "topic is null");
    }

    /** Fills db and table from the topic where they are missing. */
    public static TableRef of(String topic, String db, String schema, String table) {
        boolean noDb = db == null || db.isEmpty();
        boolean noTable = table == null || table.isEmpty();
        if (noDb || noTable) {
            String[] parts = topic.split("\\.");
            if (noDb && parts.length >= 3) {
                db = parts[parts.length - 2];
            }
            if (noTable && parts.length >= 2) {
                table = parts[parts.length - 1];
            }
        }
        return new TableRef(topic, db, schema, table);
    }

    /** The value of an index-name-template token, or null. */
    public String token(String token) {
        return switch (token) {
            case "topic" -> topic;
            case "db" -> db;
            case "schema" -> schema;
            case "table" -> table;
            default -> null;
        };
    }
}
