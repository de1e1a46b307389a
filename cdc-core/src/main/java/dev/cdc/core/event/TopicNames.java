package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

/**
 * Topic and schema names, as Debezium makes them.
 * <ul>
 *   <li>data topic: {@code <topic.prefix>.<database>.<table>} (Postgres: {@code <prefix>.<schema>.<table>}),
 *   with every character Kafka does not allow in a topic name replaced by {@code _};</li>
 *   <li>schema names: {@code <topic>.Key}, {@code <topic>.Value}, {@code <topic>.Envelope};</li>
 *   <li>schema changes: {@code <topic.prefix>.schema-changes}.</li>
 * </ul>
 */
public final class TopicNames {
    private TopicNames() {
    }

    /** The topic of a table's change events. */
    public static String dataTopic(String topicPrefix, String databaseOrSchema, String table) {
        requireNonNull(topicPrefix, "topicPrefix is null");
        requireNonNull(databaseOrSchema, "databaseOrSchema is null");
        requireNonNull(table, "table is null");
        return sanitize(topicPrefix + "." + databaseOrSchema + "." + table);
    }

    /** The topic of the structured schema-change events. */
    public static String schemaChangesTopic(String topicPrefix) {
        return sanitize(requireNonNull(topicPrefix, "topicPrefix is null") + ".schema-changes");
    }

    /** The name with every character outside {@code [a-zA-Z0-9._-]} replaced by {@code _}. */
    public static String sanitize(String name) {
        StringBuilder sanitized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            sanitized.append(valid ? c : '_');
        }
        return sanitized.toString();
    }

    public static String keySchemaName(String topic) {
        return topic + ".Key";
    }

    public static String valueSchemaName(String topic) {
        return topic + ".Value";
    }

    public static String envelopeSchemaName(String topic) {
        return topic + Envelope.SCHEMA_NAME_SUFFIX;
    }
}
