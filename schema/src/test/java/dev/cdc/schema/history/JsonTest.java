package dev.cdc.schema.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void writesAndReadsEveryValueKind() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "text");
        value.put("long", Long.MAX_VALUE);
        value.put("negative", Long.MIN_VALUE);
        value.put("decimal", new BigDecimal("1.25"));
        value.put("true", true);
        value.put("null", null);
        value.put("list", Arrays.asList(1L, "two", null, List.of()));
        value.put("nested", Map.of("k", Map.of()));
        String json = Json.write(value);
        assertThat(json).startsWith("{\"s\":\"text\",\"long\":9223372036854775807,\"negative\":-9223372036854775808,");
        assertThat(Json.parse(json)).isEqualTo(value);
    }

    @Test
    void stringsRoundTripIncludingControlCharactersEmojiAndLoneSurrogates() {
        String nasty = "quote\" backslash\\ nl\n tab\t nul\u0000 bell\u0007 emoji\uD83D\uDE00 lone\uD800 x \uDC00 é";
        String json = Json.write(nasty);
        assertThat(json).doesNotContain("\n").contains("\\u0000").contains("\\ud800").contains("\\udc00").contains("\uD83D\uDE00");
        assertThat(Json.parse(json)).isEqualTo(nasty);
    }

    @Test
    void readsEscapesAndWhitespace() {
        assertThat(Json.parse(" { \"a\" : [ 1 , 2.5e3 , -0 , \"\\u00e9\\/\\b\\f\" ] } "))
                .isEqualTo(Map.of("a", List.of(1L, new BigDecimal("2.5e3"), 0L, "é/\b\f")));
        assertThat(Json.parse("18446744073709551615")).isEqualTo(new BigDecimal("18446744073709551615"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"abc", "tru", "{\"a\" 1}", "[1] 2",
            "\"\\x\"", "\"\\u12g4\"", "{1:2}", "nul", "\"tab\there\""})
    void rejectsMalformedJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at index");
    }

    @Test
    void rejectsDuplicateKeysAndDeepNesting() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessage("duplicate key \"a\" at index 7");
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void refusesToWriteUnknownTypes() {
        assertThatThrownBy(() -> Json.write(new Object())).hasMessageStartingWith("cannot write a java.lang.Object as JSON");
    }
}
