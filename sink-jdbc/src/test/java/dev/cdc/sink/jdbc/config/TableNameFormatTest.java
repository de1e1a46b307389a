package dev.cdc.sink.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TableNameFormatTest {
    private static final Map<String, String> SOURCE = Map.of("db", "shop", "schema", "public", "table", "orders");

    @Test
    void tokensAreReplaced() {
        assertThat(TableNameFormat.parse("${topic}").resolve("cdc.shop.orders", SOURCE::get)).isEqualTo("cdc_shop_orders");
        assertThat(TableNameFormat.parse("${source.db}_${source.table}").resolve("t", SOURCE::get)).isEqualTo("shop_orders");
        assertThat(TableNameFormat.parse("${source.schema}.${source.table}_copy").resolve("t", SOURCE::get)).isEqualTo("public.orders_copy");
        assertThat(TableNameFormat.parse("plain").resolve("t", SOURCE::get)).isEqualTo("plain");
    }

    @Test
    void theTableFallsBackToTheTopicsLastPart() {
        assertThat(TableNameFormat.parse("${source.table}").resolve("cdc.shop.customers", name -> null)).isEqualTo("customers");
    }

    @Test
    void aTokenWithoutValueIsNamed() {
        assertThatThrownBy(() -> TableNameFormat.parse("${source.db}_x").resolve("t", name -> null))
                .hasMessage("table.name.format token ${source.db} has no value: the record has no source.db field");
    }

    @Test
    void anEmptyTemplateIsRefused() {
        assertThatThrownBy(() -> TableNameFormat.parse(" ")).hasMessageContaining("must not be empty");
    }
}
