package dev.cdc.sink.elasticsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.sink.elasticsearch.document.KeyColumns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexMetaTest {
    @Test
    void roundTripsThroughTheJsonElasticsearchStores() {
        IndexMeta meta = new IndexMeta(5, 1_000_000_000_000L, Map.of("qty", "quantity"), "shop.orders_v1", Map.of("qty", "quantity"));
        String stored = Json.write(meta.toMeta());
        assertThat(IndexMeta.fromMeta(IndexAdmin.toMap(EsResponse.parse(stored)))).isEqualTo(meta);
    }

    @Test
    void roundTripsTheKeyColumnsAndARekeyingCopy() {
        IndexMeta meta = new IndexMeta(-1, 70, Map.of(), "shop.orders_v1", Map.of(), new KeyColumns(List.of("id", "amount"), Set.of("amount")),
                true);
        String stored = Json.write(meta.toMeta());
        assertThat(IndexMeta.fromMeta(IndexAdmin.toMap(EsResponse.parse(stored)))).isEqualTo(meta);
        assertThat(meta.truncatedAt(90)).isEqualTo(new IndexMeta(90, 70, Map.of(), null, Map.of(), meta.key(), false));
    }

    @Test
    void anIndexWithoutMetaIsAFirstIndex() {
        assertThat(IndexMeta.fromMeta(Map.of())).isEqualTo(IndexMeta.FIRST);
        assertThat(IndexMeta.fromMeta(Map.of("cdc", Map.of("truncated_before", 7L))))
                .isEqualTo(new IndexMeta(7, -1, Map.of(), null, Map.of()));
    }

    @Test
    void aTruncateKeepsSchemaPositionAndRenamesButNotTheCopySource() {
        IndexMeta meta = new IndexMeta(-1, 40, Map.of("a", "b"), "x_v1", Map.of("a", "b"));
        assertThat(meta.truncatedAt(90)).isEqualTo(new IndexMeta(90, 40, Map.of("a", "b"), null, Map.of()));
    }
}
