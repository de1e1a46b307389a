package dev.cdc.schema.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

class SchemaHistoryEntryCodecTest {
    private static final TableId CUSTOMERS = TableId.ofCatalogTable("inventory", "customers");
    private static final long POSITION = (42L << 32) | 4_000_000_000L;

    private static final TableSchema SCHEMA = TableSchema.builder(CUSTOMERS)
            .column(Column.builder("id", ColumnType.unsignedInt64().withNativeTypeName("BIGINT UNSIGNED"))
                    .nullable(false).autoIncrement(true).build())
            .column(Column.builder("name", ColumnType.string(255).withCharset("utf8mb4").withNativeTypeName("VARCHAR"))
                    .defaultValueExpression("'it''s \"x\"'").comment("naïve \uD83D\uDE00").build())
            .column(Column.builder("kind", ColumnType.enumOf(List.of("a,b", "c'd"))).build())
            .column(Column.builder("tags", ColumnType.array(ColumnType.string())).build())
            .column(Column.builder("full", ColumnType.string()).generated(true).build())
            .primaryKey("id").version(7).validFromPosition(POSITION).build();

    @Test
    void schemaEntryRoundTrips() {
        SchemaHistoryEntry entry = SchemaHistoryEntry.of(SCHEMA, "ALTER TABLE customers ADD COLUMN full TEXT AS (...)");
        assertThat(SchemaHistoryEntryCodec.decode(SchemaHistoryEntryCodec.encode(entry))).isEqualTo(entry);
    }

    @Test
    void dropEntryRoundTrips() {
        SchemaHistoryEntry entry = SchemaHistoryEntry.dropped(TableId.of("db", "s.p", "t\"q"), Long.MAX_VALUE, null);
        SchemaHistoryEntry decoded = SchemaHistoryEntryCodec.decode(SchemaHistoryEntryCodec.encode(entry));
        assertThat(decoded).isEqualTo(entry);
        assertThat(decoded.isDrop()).isTrue();
    }

    @Test
    void encodingIsReadableJson() {
        String json = new String(SchemaHistoryEntryCodec.encode(SchemaHistoryEntry.of(SCHEMA, null)), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"format\":1,\"table\":\"inventory..customers\",\"position\":" + POSITION + ",\"ddl\":null,")
                .contains("{\"name\":\"id\",\"type\":\"INT64 UNSIGNED\",\"nativeType\":\"BIGINT UNSIGNED\",\"nullable\":false,");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"format\":1,\"table\":\"d..t\",\"position\":5,\"future\":{\"x\":[1]},"
                + "\"schema\":{\"version\":1,\"validFromPosition\":5,\"primaryKey\":[],\"columns\":"
                + "[{\"name\":\"a\",\"type\":\"INT32\",\"nullable\":true,\"extra\":true}]}}";
        SchemaHistoryEntry entry = SchemaHistoryEntryCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(entry.schema().orElseThrow().columns()).containsExactly(Column.builder("a", ColumnType.int32()).build());
    }

    @Test
    void errorsNameTheField() {
        assertDecodeFails("{\"format\":2,\"table\":\"d..t\",\"position\":5}", "format 2 is not supported");
        assertDecodeFails("{\"format\":1,\"position\":5}", "entry.table is missing");
        assertDecodeFails("{\"format\":1,\"table\":\"d..t\",\"position\":\"5\"}", "entry.position is string 5, expected long");
        assertDecodeFails("{\"format\":1,\"table\":\"d..t\",\"position\":5,\"schema\":{\"version\":1,\"validFromPosition\":5,"
                + "\"primaryKey\":[],\"columns\":[{\"name\":\"a\",\"nullable\":true}]}}", "entry.schema.columns[0].type is missing");
        assertDecodeFails("{\"format\":1,\"table\":\"d..t\",\"position\":5,\"schema\":{\"version\":1,\"validFromPosition\":6,"
                + "\"primaryKey\":[],\"columns\":[]}}", "schema of d..t is valid from 6 but the entry is at position 5");
        assertDecodeFails("{\"format\":1,\"table\":\"d.t\",\"position\":5}", "has 2 part(s)");
        assertDecodeFails("[1]", "entry is not a JSON object");
        assertDecodeFails("{\"format\":1", "expected '}' at index 11");
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThatThrownBy(() -> SchemaHistoryEntryCodec.decode(new byte[] {'"', (byte) 0xC3, '"'}))
                .hasMessageContaining("bytes are not valid UTF-8");
    }

    private static void assertDecodeFails(String json, String message) {
        assertThatThrownBy(() -> SchemaHistoryEntryCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid schema history entry: ")
                .hasMessageContaining(message);
    }
}
