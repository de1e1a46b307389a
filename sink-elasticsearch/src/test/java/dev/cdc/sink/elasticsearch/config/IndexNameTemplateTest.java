package dev.cdc.sink.elasticsearch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexNameTemplateTest {
    private static Map<String, String> tokens(String topic, String db, String schema, String table) {
        Map<String, String> values = new HashMap<>();
        values.put("topic", topic);
        values.put("db", db);
        values.put("schema", schema);
        values.put("table", table);
        return values;
    }

    @Test
    void defaultIsLowerCasedDbDotTable() {
        assertThat(IndexNameTemplate.parse("${db}.${table}").resolve(tokens("cdc.Shop.Orders", "Shop", null, "Orders")))
                .isEqualTo("shop.orders");
    }

    @Test
    void everyTokenAndLiteralText() {
        assertThat(IndexNameTemplate.parse("cdc-${topic}-${db}-${schema}-${table}").resolve(tokens("t", "d", "s", "x")))
                .isEqualTo("cdc-t-d-s-x");
    }

    @Test
    void forbiddenCharactersFromValuesAreReplaced() {
        assertThat(IndexNameTemplate.parse("${db}.${table}").resolve(tokens("t", "my db", null, "a/b*c?\"<>|,#:")))
                .isEqualTo("my_db.a_b_c________");
    }

    @Test
    void missingTokenValueNamesTheToken() {
        assertThatThrownBy(() -> IndexNameTemplate.parse("${db}.${schema}.${table}").resolve(tokens("t", "d", null, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the index name template ${db}.${schema}.${table} uses ${schema}, which this record does not provide");
    }

    @Test
    void tooLongNameIsRefused() {
        assertThatThrownBy(() -> IndexNameTemplate.parse("${table}").resolve(tokens("t", "d", null, "x".repeat(241))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is longer than 240 bytes");
    }
}
