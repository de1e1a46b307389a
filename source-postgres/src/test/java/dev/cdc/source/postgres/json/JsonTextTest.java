package dev.cdc.source.postgres.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void readsNestedValues() {
        Map<String, Object> object = JsonText.parseObject(
                " {\"a\": [1, -2.5, \"x\\\"y\\u00e9\"], \"b\": {\"c\": true, \"d\": null}, \"e\": false} ");

        assertThat(List.copyOf(object.keySet())).containsExactly("a", "b", "e");
        assertThat(object.get("a")).isEqualTo(List.of(1L, -2.5, "x\"y\u00e9"));
        Map<String, Object> b = new java.util.HashMap<>();
        b.put("c", true);
        b.put("d", null);
        assertThat(object.get("b")).isEqualTo(b);
        assertThat(object.get("e")).isEqualTo(false);
    }

    @Test
    void refusesBadJsonWithTheOffset() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\": }")).hasMessageContaining("invalid JSON at offset 6");
        assertThatThrownBy(() -> JsonText.parse("[1] x")).hasMessageContaining("unexpected text after the value");
        assertThatThrownBy(() -> JsonText.parseObject("[1]")).hasMessageContaining("expected a JSON object");
    }
}
