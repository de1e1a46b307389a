package dev.cdc.launcher.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Reads {@code source.ts_ms} and {@code ts_ms} out of a record value as the Connect worker wrote
 * it: first through the worker's converter ({@link JsonConverter}, {@code schemas.enable=true}),
 * then, for JSON without a schema envelope, as plain JSON. Also understands flat rows carrying
 * Debezium's {@code __source_ts_ms}. A value that is none of these gives an unknown time with the
 * reason, never an exception.
 */
final class EventTimestamps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonConverter converter = new JsonConverter();

    EventTimestamps() {
        converter.configure(Map.of("schemas.enable", "true"), false);
    }

    TopicView.EventTimes read(String topic, long offset, byte[] value) {
        if (value == null) {
            return TopicView.EventTimes.unknown(offset, "tombstone");
        }
        try {
            return fromConnect(offset, converter.toConnectData(topic, value));
        } catch (DataException e) {
            return fromJson(offset, value);
        }
    }

    private static TopicView.EventTimes fromConnect(long offset, SchemaAndValue data) {
        if (data.value() instanceof Struct struct) {
            Struct source = struct.schema().field("source") == null ? null : struct.getStruct("source");
            Long sourceMillis = source == null ? longField(struct, "__source_ts_ms") : longField(source, "ts_ms");
            return times(offset, sourceMillis, longField(struct, "ts_ms"));
        }
        if (data.value() instanceof Map<?, ?> map) {
            Object source = map.get("source");
            Object sourceMillis = source instanceof Map<?, ?> sourceMap ? sourceMap.get("ts_ms") : map.get("__source_ts_ms");
            Object eventMillis = map.get("ts_ms");
            return times(offset, sourceMillis instanceof Number n ? n.longValue() : null, eventMillis instanceof Number n ? n.longValue() : null);
        }
        return TopicView.EventTimes.unknown(offset, "value is not a change event");
    }

    private static TopicView.EventTimes fromJson(long offset, byte[] value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            return TopicView.EventTimes.unknown(offset, "value is not JSON");
        }
        JsonNode event = root.has("schema") && root.has("payload") ? root.path("payload") : root;
        JsonNode sourceMillis = event.path("source").path("ts_ms");
        if (!sourceMillis.isNumber()) {
            sourceMillis = event.path("__source_ts_ms");
        }
        JsonNode eventMillis = event.path("ts_ms");
        return times(offset, sourceMillis.isNumber() ? sourceMillis.asLong() : null, eventMillis.isNumber() ? eventMillis.asLong() : null);
    }

    private static TopicView.EventTimes times(long offset, Long sourceMillis, Long eventMillis) {
        return sourceMillis == null ? TopicView.EventTimes.unknown(offset, "value has no source.ts_ms")
                : TopicView.EventTimes.of(offset, sourceMillis, eventMillis);
    }

    private static Long longField(Struct struct, String name) {
        Field field = struct.schema().field(name);
        return field != null && struct.get(field) instanceof Number number ? number.longValue() : null;
    }
}
