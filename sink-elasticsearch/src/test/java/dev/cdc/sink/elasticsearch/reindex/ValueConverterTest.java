package dev.cdc.sink.elasticsearch.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueConverterTest {
    private static final Map<String, Map<String, Object>> MAPPINGS = Map.of(
            "text", Map.of("type", "text"),
            "keyword", Map.of("type", "keyword"),
            "byte", Map.of("type", "byte"),
            "integer", Map.of("type", "integer"),
            "long", Map.of("type", "long"),
            "double", Map.of("type", "double"),
            "boolean", Map.of("type", "boolean"),
            "date", Map.of("type", "date", "format", "strict_date"),
            "timestamp", Map.of("type", "date", "format", "strict_date_optional_time||epoch_millis"),
            "binary", Map.of("type", "binary"));

    /** {@code value} and {@code result} are JSON; an empty result means the value is dropped. */
    @ParameterizedTest(name = "{0} to {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "42|text|\"42\"",
        "12.50|text|\"12.50\"",
        "true|keyword|\"true\"",
        "\"abc\"|text|\"abc\"",
        "{\"a\":1}|text|\"{\\\"a\\\":1}\"",
        "\"42\"|integer|42",
        "\" -7 \"|integer|-7",
        "42|integer|42",
        "2.5|integer|3",
        "\"abc\"|integer|",
        "300|byte|",
        "2147483648|integer|",
        "2147483648|long|2147483648",
        "true|long|1",
        "\"1.25\"|double|1.25",
        "3|double|3",
        "\"x\"|double|",
        "\"1\"|boolean|true",
        "0|boolean|false",
        "\"yes\"|boolean|",
        "\"2024-01-31\"|date|\"2024-01-31\"",
        "\"2024-01-31 10:11:12\"|date|\"2024-01-31\"",
        "\"2024-01-31 10:11:12\"|timestamp|\"2024-01-31T10:11:12.000\"",
        "\"2024-01-31 10:11:12.5\"|timestamp|\"2024-01-31T10:11:12.500\"",
        "\"2024-01-31 10:11:12.123456\"|timestamp|\"2024-01-31T10:11:12.123456\"",
        "\"2024-01-31T10:11:12.123456789\"|timestamp|\"2024-01-31T10:11:12.123456789\"",
        "\"2024-01-31T10:11:12Z\"|timestamp|\"2024-01-31T10:11:12Z\"",
        "\"2024-01-31\"|timestamp|\"2024-01-31\"",
        "\"31/01/2024\"|timestamp|",
        "20240131|timestamp|",
        "\"AAEC\"|binary|\"AAEC\"",
        "5|binary|",
        "null|integer|null",
    })
    void convertsToTheMappingOrDrops(String value, String mapping, String result) {
        JsonValue converted = ValueConverter.convert(parse(value), MAPPINGS.get(mapping));
        if (result == null) {
            assertThat(converted).isNull();
        } else {
            assertThat(converted).isEqualTo(parse(result));
            assertThat(ValueConverter.convert(converted, MAPPINGS.get(mapping))).as("converting twice changes nothing").isEqualTo(converted);
        }
    }

    private static JsonValue parse(String json) {
        return EsResponse.parse("{\"v\":" + json + "}").get("v");
    }
}
