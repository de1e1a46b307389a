package dev.cdc.launcher.status;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.CommonSourceFields;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SnapshotMarker;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change events of one table as the Connect worker writes them: cdc-core's envelope through
 * {@link JsonConverter} with {@code schemas.enable=true}.
 */
final class ChangeEvents {
    private final String topic;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final Schema sourceSchema;
    private final JsonConverter keys = converter(true);
    private final JsonConverter values = converter(false);

    ChangeEvents(String topic) {
        this.topic = topic;
        this.keySchema = SchemaBuilder.struct().name(topic + ".Key").field("id", Schema.INT64_SCHEMA).build();
        this.rowSchema = SchemaBuilder.struct().name(topic + ".Value").optional().field("id", Schema.INT64_SCHEMA).build();
        this.sourceSchema = SourceInfoSchema.builder("dev.cdc.test.Source").field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    }

    byte[] key(long id) {
        return keys.fromConnectData(topic, keySchema, new Struct(keySchema).put("id", id));
    }

    /** An insert made in the database at {@code sourceMillis}, by the connector at {@code eventMillis}. */
    byte[] insert(long id, long sourceMillis, long eventMillis) {
        ChangeRecordFactory factory = new ChangeRecordFactory(topic, keySchema, rowSchema, sourceSchema,
                Clock.fixed(Instant.ofEpochMilli(eventMillis), ZoneOffset.UTC));
        Struct source = new CommonSourceFields("test", "statusit", sourceMillis, SnapshotMarker.FALSE, "shop", 1000 + id).newStruct(sourceSchema);
        source.put("table", "things");
        SourceRecord record = factory.create(new Struct(keySchema).put("id", id), new Struct(rowSchema).put("id", id),
                new EventContext(Map.of(), Map.of(), SourceInfo.of(source), null));
        return values.fromConnectData(topic, record.valueSchema(), record.value());
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), isKey);
        return converter;
    }
}
