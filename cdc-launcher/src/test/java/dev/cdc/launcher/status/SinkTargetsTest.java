package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkTargetsTest {
    @Test
    void elasticsearchIndexFollowsTheTemplateLowerCased() {
        assertThat(SinkTargets.of(SinkTargets.ELASTICSEARCH, Map.of(), "q.Shop.Orders")).isEqualTo("index shop.orders");
        assertThat(SinkTargets.of(SinkTargets.ELASTICSEARCH, Map.of("index.name.template", "cdc-${table}"), "q.shop.orders"))
                .isEqualTo("index cdc-orders");
        assertThat(SinkTargets.of(SinkTargets.ELASTICSEARCH, Map.of("index.name.template", "${topic}"), "q.shop.orders"))
                .isEqualTo("index q.shop.orders");
    }

    @Test
    void jdbcTableFollowsTheFormat() {
        assertThat(SinkTargets.of(SinkTargets.JDBC, Map.of(), "q.shop.orders")).isEqualTo("table orders");
        assertThat(SinkTargets.of(SinkTargets.JDBC, Map.of("table.name.format", "${source.db}.${source.table}"), "q.shop.orders"))
                .isEqualTo("table shop.orders");
        assertThat(SinkTargets.of(SinkTargets.JDBC, Map.of("table.name.format", "${topic}"), "q.shop.orders")).isEqualTo("table q_shop_orders");
    }

    @Test
    void notObviousIsNull() {
        assertThat(SinkTargets.of(SinkTargets.ELASTICSEARCH, Map.of(), "q.schema-changes")).isNull();
        assertThat(SinkTargets.of("com.example.S3SinkConnector", Map.of(), "q.shop.orders")).isNull();
    }
}
