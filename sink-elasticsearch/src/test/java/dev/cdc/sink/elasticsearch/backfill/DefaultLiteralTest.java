package dev.cdc.sink.elasticsearch.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultLiteralTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'new'|\"new\"",
        "'it''s'|\"it's\"",
        "'a\\'b'|\"a'b\"",
        "''|\"\"",
        "'new'::character varying|\"new\"",
        "'2024-01-01 00:00:00'::timestamp without time zone|\"2024-01-01 00:00:00\"",
        "('x')|\"x\"",
        "0|0",
        "-12.50|-12.50",
        "1e3|1E+3",
        "42::integer|42",
        "TRUE|true",
        "false|false",
    })
    void readsConstants(String expression, String json) {
        assertThat(DefaultLiteral.parse(expression)).map(JsonValue::toString).contains(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "CURRENT_TIMESTAMP", "current_timestamp(3)", "now()", "nextval('orders_id_seq'::regclass)",
        "uuid()", "b'101'", "x'0A'", "'a' || 'b'", "'unterminated"})
    void hasNoConstantFor(String expression) {
        assertThat(DefaultLiteral.parse(expression)).isEqualTo(Optional.empty());
    }
}
