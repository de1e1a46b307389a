package dev.cdc.source.postgres.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageKeyColumnsTest {
    @Test
    void blankMeansPrimaryKeys() {
        assertThat(MessageKeyColumns.parse("  ").isEmpty()).isTrue();
        assertThat(MessageKeyColumns.parse(null).columnsFor("public", "orders")).isEmpty();
        assertThat(MessageKeyColumns.none().toString()).isEqualTo("primary keys as message keys");
    }

    @Test
    void tablePartIsAWholeNameRegexMatchedCaseInsensitively() {
        MessageKeyColumns keys = MessageKeyColumns.parse("inventory.customers:pk1,pk2;(.*).purchaseorders:pk3");

        assertThat(keys.columnsFor("inventory", "customers")).hasValue(List.of("pk1", "pk2"));
        assertThat(keys.columnsFor("Inventory", "Customers")).hasValue(List.of("pk1", "pk2"));
        assertThat(keys.columnsFor("sales", "purchaseorders")).hasValue(List.of("pk3"));
        assertThat(keys.columnsFor("inventory", "customers_archive")).as("whole name").isEmpty();
        assertThat(keys.columnsFor("inventoryXcustomers", "")).isEmpty();
    }

    @Test
    void firstMatchingEntryWinsAndColumnsKeepTheirOrder() {
        MessageKeyColumns keys = MessageKeyColumns.parse(" public.orders : b , a ; public\\..* : id ; ");

        assertThat(keys.columnsFor("public", "orders")).hasValue(List.of("b", "a"));
        assertThat(keys.columnsFor("public", "parts")).hasValue(List.of("id"));
        assertThat(keys.toString()).isEqualTo("message key columns public.orders : b , a ; public\\..* : id ;");
    }

    @Test
    void aColonInsideTheRegexIsPartOfTheTablePattern() {
        assertThat(MessageKeyColumns.parse("public.(?:orders|parts):sku").columnsFor("public", "parts")).hasValue(List.of("sku"));
    }

    @Test
    void wrongEntriesAreNamed() {
        assertThatThrownBy(() -> MessageKeyColumns.parse("public.orders:id;public.parts"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entry 'public.parts' is not <schema.table regex>:<column>[,<column>...]");
        assertThatThrownBy(() -> MessageKeyColumns.parse(":id")).hasMessageContaining("entry ':id' is not");
    }
}
