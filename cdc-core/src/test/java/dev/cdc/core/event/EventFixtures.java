package dev.cdc.core.event;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** Schemas and values of a table {@code shop.orders} of a source {@code inventory}. */
final class EventFixtures {
    static final String TOPIC = TopicNames.dataTopic("inventory", "shop", "orders");
    static final Schema KEY = SchemaBuilder.struct().name(TopicNames.keySchemaName(TOPIC)).field("id", Schema.INT64_SCHEMA).build();
    static final Schema ROW = SchemaBuilder.struct().name(TopicNames.valueSchemaName(TOPIC)).optional()
            .field("id", Schema.INT64_SCHEMA).field("status", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema MYSQL_LIKE_SOURCE = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .build();
    static final Map<String, String> PARTITION = Map.of("server", "inventory");

    private EventFixtures() {
    }

    static Struct key(long id) {
        return new Struct(KEY).put("id", id);
    }

    static Struct row(long id, String status) {
        return new Struct(ROW).put("id", id).put("status", status);
    }

    static SourceInfo source(long position) {
        Struct struct = new CommonSourceFields("mysql", "inventory", 1_700_000_000_000L, SnapshotMarker.FALSE, "shop", position)
                .newStruct(MYSQL_LIKE_SOURCE)
                .put("table", "orders").put("file", "mysql-bin.000003").put("pos", 4000L).put("row", 0);
        return SourceInfo.of(struct);
    }

    static EventContext context(long position) {
        return EventContext.of(PARTITION, Map.of("file", "mysql-bin.000003", "pos", 4000L), source(position));
    }
}
