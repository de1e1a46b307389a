package dev.cdc.sink.elasticsearch.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonValue;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class ColumnDefaultsTest {
    private static final Schema BEFORE = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    private static final Schema AFTER = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("qty", Schema.OPTIONAL_INT32_SCHEMA).build();
    private static final Map<String, Object> MAPPED = Map.of("id", Map.of("type", "long"), "qty", Map.of("type", "integer"));

    private final ColumnDefaults defaults = new ColumnDefaults(Map.of("qty",
            new ColumnDefault("qty", DefaultLiteral.parse("'7'").orElseThrow(), 100)));

    @Test
    void anOlderRowWithoutTheColumnGetsTheDefaultInTheFieldsMapping() {
        assertThat(EsResponse.parse(defaults.apply("{\"id\":1}", BEFORE, 50, MAPPED)))
                .isEqualTo(EsResponse.parse("{\"id\":1,\"qty\":7}"));
    }

    @Test
    void newerRowsRowsWithTheColumnAndUnmappedFieldsAreLeftAlone() {
        assertThat(defaults.apply("{\"id\":1}", BEFORE, 150, MAPPED)).as("a row after the column was dropped again").isEqualTo("{\"id\":1}");
        assertThat(defaults.apply("{\"id\":1,\"qty\":null}", AFTER, 50, MAPPED)).isEqualTo("{\"id\":1,\"qty\":null}");
        assertThat(defaults.apply("{\"id\":1}", BEFORE, 50, Map.of("id", Map.of("type", "long")))).isEqualTo("{\"id\":1}");
    }

    @Test
    void aDefaultThatDoesNotFitTheMappingIsNotWritten() {
        ColumnDefaults text = new ColumnDefaults(Map.of("qty", new ColumnDefault("qty", DefaultLiteral.parse("'many'").orElseThrow(), 100)));
        assertThat(text.mapped("qty", MAPPED)).isEmpty();
        assertThat(text.apply("{\"id\":1}", BEFORE, 50, MAPPED)).isEqualTo("{\"id\":1}");
        assertThat(defaults.mapped("qty", MAPPED)).map(ColumnDefault::value).map(JsonValue::toString).contains("7");
    }
}
