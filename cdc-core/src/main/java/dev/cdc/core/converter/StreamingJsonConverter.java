package dev.cdc.core.converter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdc.core.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/**
 * A drop-in replacement for Kafka's {@code org.apache.kafka.connect.json.JsonConverter}: the same
 * settings ({@code schemas.enable}, {@code schemas.cache.size}, {@code decimal.format},
 * {@code replace.null.with.default}), the same bytes written and the same Connect data read, but
 * records with schemas are read without building a JSON tree: the {@code schema} section is looked
 * up by its bytes ({@link SchemaBytesCache}) instead of being parsed and compared node by node for
 * every record, and the {@code payload} is read token by token into Connect data
 * ({@link PayloadReader}). That is where a sink task spends most of its time with
 * JsonConverter-with-schemas change events (see the sink-elasticsearch benchmark).
 *
 * <p>Writing, schemaless records and any record not in the shape JsonConverter writes ({@code schema}
 * after {@code payload}, a {@code null} schema, values in unusual JSON types, invalid JSON) go to
 * an embedded JsonConverter, so they get its exact result or error.
 */
public class StreamingJsonConverter implements Converter, Versioned {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAYLOAD_PREFIX = ",\"payload\":".getBytes(StandardCharsets.UTF_8);

    private final JsonConverter delegate = new JsonConverter();
    private boolean schemasEnabled;
    private SchemaBytesCache schemas;
    private PayloadReader payloads;
    private long handedOver;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
        configure(withType);
    }

    /** Configures from a map that names the converter type ({@code converter.type}). */
    public void configure(Map<String, ?> configs) {
        delegate.configure(configs);
        JsonConverterConfig config = new JsonConverterConfig(configs);
        schemasEnabled = config.schemasEnabled();
        schemas = new SchemaBytesCache(config.schemaCacheSize());
        payloads = new PayloadReader(config.replaceNullWithDefault());
    }

    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return delegate.fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null || !schemasEnabled) {
            return delegate.toConnectData(topic, value);
        }
        try {
            return readEnvelope(value);
        } catch (OffFastPath | IOException e) {
            handedOver++;
            return delegate.toConnectData(topic, value);
        }
    }

    private SchemaAndValue readEnvelope(byte[] value) throws IOException {
        SchemaAndValue withLastSchema = readWithLastSchema(value);
        return withLastSchema != null ? withLastSchema : readAll(value);
    }

    /**
     * Reads {@code {"schema":<the last schema>,"payload":...}} exactly as JsonConverter writes it
     * without tokenizing the schema: most records of a partition repeat the schema of the one
     * before. Null if the record does not start that way.
     */
    private SchemaAndValue readWithLastSchema(byte[] value) throws IOException {
        if (!startsWith(value, 0, SCHEMA_PREFIX)) {
            return null;
        }
        int schemaLength = schemas.lastMatchAt(value, SCHEMA_PREFIX.length);
        int payloadStart = SCHEMA_PREFIX.length + schemaLength + PAYLOAD_PREFIX.length;
        int end = value.length - 1;
        if (schemaLength < 0 || !startsWith(value, SCHEMA_PREFIX.length + schemaLength, PAYLOAD_PREFIX)
                || end < payloadStart || value[end] != '}') {
            return null;
        }
        try (JsonParser parser = JSON.createParser(value, payloadStart, end - payloadStart)) {
            parser.nextToken();
            Object data = payloads.read(schemas.last(), parser);
            if (parser.nextToken() != null) {
                throw new OffFastPath("more than one value in the payload");
            }
            return new SchemaAndValue(schemas.last(), data);
        }
    }

    private static boolean startsWith(byte[] value, int from, byte[] prefix) {
        return from + prefix.length <= value.length && Arrays.equals(value, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private SchemaAndValue readAll(byte[] value) throws IOException {
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !nextField(parser, "schema")
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                throw new OffFastPath("not {\"schema\": {...}, \"payload\": ...}");
            }
            int schemaStart = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int schemaEnd = (int) parser.currentTokenLocation().getByteOffset() + 1;
            Schema schema = schemas.get(value, schemaStart, schemaEnd, this::parseSchema);
            if (!nextField(parser, "payload")) {
                throw new OffFastPath("no payload after the schema");
            }
            parser.nextToken();
            Object data = payloads.read(schema, parser);
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new OffFastPath("more than schema and payload");
            }
            return new SchemaAndValue(schema, data);
        }
    }

    private static boolean nextField(JsonParser parser, String name) throws IOException {
        return parser.nextToken() == JsonToken.FIELD_NAME && name.equals(parser.currentName());
    }

    private Schema parseSchema(byte[] json) {
        try {
            return delegate.asConnectSchema(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many records with schemas were handed to the embedded JsonConverter so far. */
    long handedOver() {
        return handedOver;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
