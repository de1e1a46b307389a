package dev.cdc.source.mysql.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.schema.TableId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecuteSnapshotTest {
    @Test
    void readsDebeziumsDataCollections() {
        ExecuteSnapshot request = ExecuteSnapshot.parse(" {\"data-collections\": [\"inventory.orders\", \" shop.items \"], \"type\": \"INCREMENTAL\"} ");

        assertThat(request.tables()).containsExactly(TableId.ofCatalogTable("inventory", "orders"), TableId.ofCatalogTable("shop", "items"));
    }

    @Test
    void theTypeMayBeLeftOutAndOtherMembersAreIgnored() {
        assertThat(ExecuteSnapshot.parse("{\"data-collections\": [\"a.b\"], \"additional-conditions\": [{\"x\": 1.5e3, \"y\": null, \"z\": true}]}")
                .tables()).containsExactly(TableId.ofCatalogTable("a", "b"));
    }

    @Test
    void escapesAreRead() {
        assertThat(ExecuteSnapshot.parse("{\"data-collections\": [\"caf\\u00e9.t\\\"x\"]}").tables())
                .containsExactly(TableId.ofCatalogTable("café", "t\"x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"data-collections\": [\"a.b\"], \"type\": \"blocking\"}|snapshot type 'blocking' is not supported; only \"incremental\" (the default)",
        "{\"data-collections\": []}|\"data-collections\" must be a non-empty array of \"database.table\" names",
        "{\"data-collections\": \"a.b\"}|\"data-collections\" must be a non-empty array of \"database.table\" names",
        "{\"type\": \"incremental\"}|\"data-collections\" must be a non-empty array of \"database.table\" names",
        "{\"data-collections\": [\"orders\"]}|\"data-collections\" entry 'orders' is not a \"database.table\" name",
        "{\"data-collections\": [\"a.b.c\"]}|\"data-collections\" entry 'a.b.c' is not a \"database.table\" name",
        "{\"data-collections\": [5]}|\"data-collections\" entry 5 is not a \"database.table\" name",
        "{\"data-collections\": [\"a.b\"]|invalid JSON at index 28: expected '}', found the end",
        "[\"a.b\"]|invalid JSON at index 0: expected a JSON object starting with '{', found '['",
        "{\"data-collections\": [\"a.b\"]} x|invalid JSON at index 30: expected the end of the text, found 'x'",
        "{'data-collections': []}|invalid JSON at index 1: expected a quoted member name, found '''",
        "{\"a\": tru}|invalid JSON at index 6: expected 'true', found 't'"})
    void badDataSaysWhatIsExpected(String data, String message) {
        assertThatThrownBy(() -> ExecuteSnapshot.parse(data)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void nullDataIsNoObject() {
        assertThatThrownBy(() -> ExecuteSnapshot.parse(null)).hasMessage("invalid JSON at index 0: expected a JSON object starting with '{', found the end");
    }
}
