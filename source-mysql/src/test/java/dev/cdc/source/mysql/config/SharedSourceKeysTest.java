package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static dev.cdc.source.mysql.config.ConfigFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.config.CommonSourceConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The keys every source shares come from cdc-core's {@link CommonSourceConfig}; tombstones are ours. */
class SharedSourceKeysTest {
    @Test
    void defaults() {
        MySqlConnectorConfig config = MySqlConnectorConfig.parse(minimal());
        CommonSourceConfig common = config.common();

        assertThat(common.topicPrefix()).isEqualTo("shop");
        assertThat(common.queue().maxBatchSize()).isEqualTo(2048);
        assertThat(common.queue().maxQueueSize()).isEqualTo(8192);
        assertThat(common.queue().maxQueueSizeInBytes()).isZero();
        assertThat(common.queue().pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(common.heartbeat().interval()).isEqualTo(Duration.ZERO);
        assertThat(config.events().tombstonesOnDelete()).isTrue();
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("topic.prefix", "eu-west.shop_1");
        properties.put("max.batch.size", "100");
        properties.put("max.queue.size", "1000");
        properties.put("max.queue.size.in.bytes", "67108864");
        properties.put("poll.interval.ms", "50");
        properties.put("heartbeat.interval.ms", "10000");
        properties.put("tombstones.on.delete", "false");

        MySqlConnectorConfig config = MySqlConnectorConfig.parse(properties);

        assertThat(config.common().topicPrefix()).isEqualTo("eu-west.shop_1");
        assertThat(config.common().queue().maxBatchSize()).isEqualTo(100);
        assertThat(config.common().queue().maxQueueSize()).isEqualTo(1000);
        assertThat(config.common().queue().maxQueueSizeInBytes()).isEqualTo(67_108_864L);
        assertThat(config.common().queue().pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.common().heartbeat().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.events().tombstonesOnDelete()).isFalse();
    }

    @Test
    void topicPrefixRequired() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(without("topic.prefix")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.prefix");
    }

    @Test
    void topicPrefixWithACharacterKafkaRefuses() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("topic.prefix", "shop/eu")))
                .hasMessageContaining("topic.prefix").hasMessageContaining("contains '/' at index 4");
    }

    @Test
    void queueMustBeLargerThanBatch() {
        Map<String, String> properties = minimal();
        properties.put("max.batch.size", "4096");
        properties.put("max.queue.size", "4096");

        assertThatThrownBy(() -> MySqlConnectorConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.queue.size").hasMessageContaining("must be larger than max.batch.size (4096)");
    }

    @Test
    void negativeHeartbeatInterval() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("heartbeat.interval.ms", "-1")))
                .hasMessageContaining("heartbeat.interval.ms").hasMessageContaining("at least 0");
    }

    @Test
    void tombstonesNotABoolean() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("tombstones.on.delete", "sometimes")))
                .hasMessageContaining("tombstones.on.delete").hasMessageContaining("sometimes");
    }
}
