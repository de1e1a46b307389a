package dev.cdc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableIdTest {

    @Test
    void canonicalFormKeepsEmptyPartsForAbsentLevels() {
        assertThat(TableId.ofCatalogTable("inventory", "customers")).hasToString("inventory..customers");
        assertThat(TableId.ofSchemaTable("public", "orders")).hasToString(".public.orders");
        assertThat(TableId.of("shop", "public", "orders")).hasToString("shop.public.orders");
        assertThat(TableId.of(null, null, "t")).hasToString("..t");
    }

    @Test
    void displayNameOmitsAbsentParts() {
        assertThat(TableId.ofCatalogTable("inventory", "customers").displayName()).isEqualTo("inventory.customers");
        assertThat(TableId.of("shop", "public", "orders").displayName()).isEqualTo("shop.public.orders");
    }

    @Test
    void namesWithDotsAndQuotesAreQuoted() {
        TableId id = TableId.of("my.db", null, "say \"hi\"");
        assertThat(id).hasToString("\"my.db\"..\"say \"\"hi\"\"\"");
        assertThat(TableId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inventory..customers", ".public.orders", "shop.public.orders", "..t",
            "\"a.b\".\"c\"\"d\".\"e.f\"", "a b..c d"})
    void parseReadsTheCanonicalFormBack(String text) {
        assertThat(TableId.parse(text)).hasToString(text);
        assertThat(TableId.parse(TableId.parse(text).toString())).isEqualTo(TableId.parse(text));
    }

    @Test
    void parseSplitsIntoParts() {
        TableId id = TableId.parse("inventory..customers");
        assertThat(id.catalog()).contains("inventory");
        assertThat(id.schema()).isEmpty();
        assertThat(id.table()).isEqualTo("customers");
    }

    @Test
    void parseRejectsWrongNumberOfParts() {
        assertThatThrownBy(() -> TableId.parse("inventory.customers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 part(s)")
                .hasMessageContaining("inventory..customers");
        assertThatThrownBy(() -> TableId.parse("a.b.c.d")).hasMessageContaining("has 4 part(s)");
    }

    @Test
    void parseRejectsMissingTableAndBadQuotes() {
        assertThatThrownBy(() -> TableId.parse("a.b.")).hasMessageContaining("empty table name");
        assertThatThrownBy(() -> TableId.parse("a..\"t")).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> TableId.parse("a..\"t\"x")).hasMessageContaining("text after a closing quote");
        assertThatThrownBy(() -> TableId.parse("a..t\"x")).hasMessageContaining("quote inside an unquoted name");
    }

    @Test
    void emptyNamesAreRejected() {
        assertThatThrownBy(() -> TableId.of("", null, "t")).hasMessageContaining("catalog name is empty");
        assertThatThrownBy(() -> TableId.of(null, null, null)).isInstanceOf(NullPointerException.class).hasMessage("table is null");
    }

    @Test
    void equalityIsExactAndCaseSensitive() {
        assertThat(TableId.ofCatalogTable("db", "T")).isNotEqualTo(TableId.ofCatalogTable("db", "t"));
        assertThat(TableId.ofCatalogTable("db", "t")).isEqualTo(TableId.of("db", null, "t"))
                .hasSameHashCodeAs(TableId.of("db", null, "t"));
        assertThat(TableId.ofCatalogTable("db", "t")).isNotEqualTo(TableId.ofSchemaTable("db", "t"));
    }

    @Test
    void withTableKeepsCatalogAndSchema() {
        assertThat(TableId.of("c", "s", "a").withTable("b")).isEqualTo(TableId.of("c", "s", "b"));
    }
}
