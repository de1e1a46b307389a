package dev.cdc.sink.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.sink.elasticsearch.BadRecordException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class DocumentIdEncoderTest {
    private final DocumentIdEncoder ids = new DocumentIdEncoder();

    @Test
    void singleColumnKeyIsItsValue() {
        Schema key = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        assertThat(ids.encode(key, new Struct(key).put("id", 42L))).isEqualTo("42");
        Schema text = SchemaBuilder.struct().field("code", Schema.STRING_SCHEMA).build();
        assertThat(ids.encode(text, new Struct(text).put("code", "a\"b,c"))).isEqualTo("a\"b,c");
        Schema decimal = SchemaBuilder.struct().field("n", Decimal.schema(2)).build();
        assertThat(ids.encode(decimal, new Struct(decimal).put("n", new BigDecimal("12.50")))).isEqualTo("12.50");
        Schema date = SchemaBuilder.struct().field("d", org.apache.kafka.connect.data.Date.SCHEMA).build();
        assertThat(ids.encode(date, new Struct(date).put("d", new java.util.Date(0)))).isEqualTo("1970-01-01");
    }

    @Test
    void primitiveKeyIsItsValue() {
        assertThat(ids.encode(Schema.INT32_SCHEMA, 7)).isEqualTo("7");
        assertThat(ids.encode(null, "k1")).isEqualTo("k1");
    }

    @Test
    void compositeKeyIsAJsonArrayInKeyFieldOrder() {
        Schema key = SchemaBuilder.struct().field("tenant", Schema.STRING_SCHEMA).field("id", Schema.INT32_SCHEMA)
                .field("price", Decimal.schema(1)).build();
        Struct value = new Struct(key).put("tenant", "a\",\"b").put("id", 5).put("price", new BigDecimal("1.0"));
        assertThat(ids.encode(key, value)).isEqualTo("[\"a\\\",\\\"b\",5,\"1.0\"]");
    }

    @Test
    void compositeKeysThatJoinAlikeStayDistinct() {
        Schema key = SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).field("b", Schema.STRING_SCHEMA).build();
        String first = ids.encode(key, new Struct(key).put("a", "x,").put("b", "y"));
        String second = ids.encode(key, new Struct(key).put("a", "x").put("b", ",y"));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void schemalessMapKeysAreOrderedByName() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("b", 2L);
        key.put("a", "x");
        assertThat(ids.encode(null, key)).isEqualTo("[\"x\",2]");
        assertThat(ids.encode(null, Map.of("id", 9L))).isEqualTo("9");
    }

    @Test
    void missingKeyIsABadRecord() {
        assertThatThrownBy(() -> ids.encode(null, null)).isInstanceOf(BadRecordException.class).hasMessageContaining("no key");
        Schema key = SchemaBuilder.struct().field("id", Schema.OPTIONAL_INT64_SCHEMA).build();
        assertThatThrownBy(() -> ids.encode(key, new Struct(key))).isInstanceOf(BadRecordException.class)
                .hasMessage("key field id is null");
    }

    @Test
    void idOver512BytesIsABadRecord() {
        assertThatThrownBy(() -> ids.encode(Schema.STRING_SCHEMA, "é".repeat(257)))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("more than 512 bytes");
    }
}
