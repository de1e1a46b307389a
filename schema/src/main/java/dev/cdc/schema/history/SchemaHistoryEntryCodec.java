package dev.cdc.schema.history;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * Encodes a {@link SchemaHistoryEntry} as UTF-8 JSON and back, for durable histories (a
 * compacted Kafka topic, offsets). Stateless and thread-safe. The format, version 1:
 * <pre>{@code
 * {"format":1,"table":"inventory..customers","position":4294967300,"ddl":"ALTER TABLE ...",
 *  "schema":{"version":2,"validFromPosition":4294967300,"primaryKey":["id"],
 *            "columns":[{"name":"id","type":"INT64","nativeType":"BIGINT","nullable":false,
 *                        "default":null,"comment":null,"autoIncrement":true,"generated":false}]}}
 * }</pre>
 * {@code table} is the canonical {@link TableId} form, {@code type} the {@link ColumnType} text
 * form (array element native names are not kept), {@code schema} is null for a drop. Positions
 * are exact 64-bit integers. Unknown fields are ignored when reading, so later versions may add
 * fields; a higher {@code format} is refused.
 */
public final class SchemaHistoryEntryCodec {
    /** The format this codec writes and the highest it reads. */
    public static final int FORMAT = 1;

    private SchemaHistoryEntryCodec() {
    }

    public static byte[] encode(SchemaHistoryEntry entry) {
        requireNonNull(entry, "entry is null");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", (long) FORMAT);
        json.put("table", entry.table().toString());
        json.put("position", entry.position());
        json.put("ddl", entry.ddl().orElse(null));
        json.put("schema", entry.schema().map(SchemaHistoryEntryCodec::schemaJson).orElse(null));
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when the bytes are not valid UTF-8, not valid JSON, or not
     *                                  an entry of a known format; the message names the field
     */
    public static SchemaHistoryEntry decode(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        try {
            return entry(JsonObject.of(Json.parse(utf8(bytes)), "entry"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid schema history entry: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> schemaJson(TableSchema schema) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", schema.version());
        json.put("validFromPosition", schema.validFromPosition());
        json.put("primaryKey", new ArrayList<Object>(schema.primaryKey()));
        List<Object> columns = new ArrayList<>();
        schema.columns().forEach(column -> columns.add(columnJson(column)));
        json.put("columns", columns);
        return json;
    }

    private static Map<String, Object> columnJson(Column column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        json.put("type", column.type().toString());
        json.put("nativeType", column.type().nativeTypeName().orElse(null));
        json.put("nullable", column.isNullable());
        json.put("default", column.defaultValueExpression().orElse(null));
        json.put("comment", column.comment().orElse(null));
        json.put("autoIncrement", column.isAutoIncrement());
        json.put("generated", column.isGenerated());
        return json;
    }

    private static SchemaHistoryEntry entry(JsonObject json) {
        long format = json.requiredLong("format");
        if (format > FORMAT || format < 1) {
            throw new IllegalArgumentException("format " + format + " is not supported; this version reads formats 1.." + FORMAT);
        }
        TableId table = TableId.parse(json.requiredString("table"));
        long position = json.requiredLong("position");
        String ddl = json.optionalString("ddl");
        JsonObject schema = json.optionalObject("schema");
        if (schema == null) {
            return SchemaHistoryEntry.dropped(table, position, ddl);
        }
        TableSchema tableSchema = tableSchema(table, schema);
        if (tableSchema.validFromPosition() != position) {
            throw new IllegalArgumentException("schema of " + table + " is valid from " + tableSchema.validFromPosition()
                    + " but the entry is at position " + position);
        }
        return SchemaHistoryEntry.of(tableSchema, ddl);
    }

    private static TableSchema tableSchema(TableId table, JsonObject json) {
        TableSchema.Builder builder = TableSchema.builder(table)
                .version(json.requiredLong("version"))
                .validFromPosition(json.requiredLong("validFromPosition"))
                .primaryKey(json.requiredStrings("primaryKey"));
        for (JsonObject column : json.requiredObjects("columns")) {
            builder.column(column(column));
        }
        return builder.build();
    }

    private static Column column(JsonObject json) {
        ColumnType type = ColumnType.parse(json.requiredString("type")).withNativeTypeName(json.optionalString("nativeType"));
        return Column.builder(json.requiredString("name"), type)
                .nullable(json.requiredBoolean("nullable"))
                .defaultValueExpression(json.optionalString("default"))
                .comment(json.optionalString("comment"))
                .autoIncrement(json.optionalBoolean("autoIncrement"))
                .generated(json.optionalBoolean("generated"))
                .build();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bytes are not valid UTF-8", e);
        }
    }
}
