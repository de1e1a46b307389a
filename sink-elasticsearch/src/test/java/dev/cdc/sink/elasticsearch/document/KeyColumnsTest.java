package dev.cdc.sink.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The _id from a row or a stored document must be the _id DocumentIdEncoder makes from the key. */
class KeyColumnsTest {
    private static final Schema ROW = SchemaBuilder.struct().name("row")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("day", Date.builder().optional().build())
            .field("flag", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @ParameterizedTest
    @EnumSource(DecimalMapping.class)
    void idsFromRowsAndDocumentsMatchTheKeyEncoding(DecimalMapping decimals) {
        DocumentWriter documents = new DocumentWriter(decimals, JsonMapping.STRING);
        DocumentIdEncoder ids = new DocumentIdEncoder();
        List<List<String>> keys = List.of(List.of("id"), List.of("region"), List.of("amount"), List.of("day"),
                List.of("id", "region"), List.of("region", "amount", "day", "flag"), List.of("amount", "id"));
        Struct[] rows = {
            row(1, "eu", "12.50", 19_000, true),
            row(-42, "a \"quoted\" \\ region, [1]", "-0.07", 0, false),
            row(Long.MAX_VALUE, "日本", "123456789012.00", -1, true),
        };
        for (List<String> names : keys) {
            SchemaBuilder keyBuilder = SchemaBuilder.struct().name("key");
            names.forEach(name -> keyBuilder.field(name, ROW.field(name).schema()));
            Schema keySchema = keyBuilder.build();
            KeyColumns columns = KeyColumns.of(keySchema);
            for (Struct row : rows) {
                Struct key = new Struct(keySchema);
                names.forEach(name -> key.put(name, row.get(name)));
                String expected = ids.encode(keySchema, key);
                assertThat(columns.idOfRow(row)).as("%s of %s", names, row).isEqualTo(expected);
                assertThat(columns.idOfDocument(EsResponse.parse(documents.write(ROW, row)))).as("%s of %s", names, row).isEqualTo(expected);
            }
        }
    }

    @Test
    void aDocumentOrRowWithoutTheKeyColumnsHasNoId() {
        KeyColumns columns = KeyColumns.of(SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("region", Schema.STRING_SCHEMA).build());
        assertThat(columns.idOfDocument(EsResponse.parse("{\"__cdc_deleted\":true}"))).isNull();
        assertThat(columns.idOfDocument(EsResponse.parse("{\"id\":1}"))).isNull();
        Schema other = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        assertThat(columns.idOfRow(new Struct(other).put("id", 1L))).isNull();
        assertThat(KeyColumns.of(Schema.INT64_SCHEMA)).isNull();
        assertThat(KeyColumns.of(null)).isNull();
    }

    private static Struct row(long id, String region, String amount, int day, boolean flag) {
        return new Struct(ROW).put("id", id).put("region", region).put("amount", new BigDecimal(amount))
                .put("day", Date.toLogical(Date.SCHEMA, day)).put("flag", flag).put("note", "n");
    }
}
