package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static dev.cdc.source.mysql.config.ConfigFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputConfigTest {
    @Test
    void defaults() {
        OutputConfig config = MySqlConnectorConfig.parse(minimal()).output();

        assertThat(config.topicPrefix()).isEqualTo("shop");
        assertThat(config.maxBatchSize()).isEqualTo(2048);
        assertThat(config.maxQueueSize()).isEqualTo(8192);
        assertThat(config.maxQueueSizeInBytes()).isZero();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ZERO);
        assertThat(config.tombstonesOnDelete()).isTrue();
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

        OutputConfig config = MySqlConnectorConfig.parse(properties).output();

        assertThat(config.topicPrefix()).isEqualTo("eu-west.shop_1");
        assertThat(config.maxBatchSize()).isEqualTo(100);
        assertThat(config.maxQueueSize()).isEqualTo(1000);
        assertThat(config.maxQueueSizeInBytes()).isEqualTo(67_108_864L);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.tombstonesOnDelete()).isFalse();
    }

    @Test
    void topicPrefixRequired() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(without("topic.prefix")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop/eu", "shop eu", "shöp", "shop:1"})
    void topicPrefixWithCharactersKafkaRefuses(String prefix) {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("topic.prefix", prefix)))
                .hasMessage("Invalid value " + prefix + " for configuration topic.prefix: may contain only letters, digits,"
                        + " '.', '_' and '-', as Kafka topic names do");
    }

    @Test
    void blankTopicPrefix() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("topic.prefix", " ")))
                .hasMessageContaining("topic.prefix is required: it names the topics, <topic.prefix>.<database>.<table>");
    }

    @Test
    void topicPrefixTooLong() {
        String prefix = "p".repeat(129);
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("topic.prefix", prefix)))
                .hasMessageContaining("is 129 characters long; at most 128 leave room for .<database>.<table>");
    }

    @Test
    void dotIsNotATopicPrefix() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("topic.prefix", "..")))
                .hasMessageContaining("'.' and '..' are not valid Kafka topic names");
    }

    @Test
    void batchSizeMustBePositive() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("max.batch.size", "0")))
                .hasMessage("Invalid value 0 for configuration max.batch.size: must be from 1 to 2147483647");
    }

    @Test
    void queueSizeTooSmall() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("max.queue.size", "1")))
                .hasMessage("Invalid value 1 for configuration max.queue.size: must be from 2 to 2147483647");
    }

    @Test
    void queueMustBeLargerThanBatch() {
        Map<String, String> properties = minimal();
        properties.put("max.batch.size", "4096");
        properties.put("max.queue.size", "4096");

        assertThatThrownBy(() -> MySqlConnectorConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.queue.size (4096) must be larger than max.batch.size (4096); raise max.queue.size to at least 8192");
    }

    @Test
    void queueSmallerThanDefaultBatch() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("max.queue.size", "1000")))
                .hasMessageContaining("max.queue.size (1000) must be larger than max.batch.size (2048)");
    }

    @Test
    void negativeQueueBytes() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("max.queue.size.in.bytes", "-1")))
                .hasMessage("Invalid value -1 for configuration max.queue.size.in.bytes: must be at least 0");
    }

    @Test
    void pollIntervalMustBePositive() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("poll.interval.ms", "0")))
                .hasMessage("Invalid value 0 for configuration poll.interval.ms: must be from 1 to 2147483647");
    }

    @Test
    void negativeHeartbeatInterval() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("heartbeat.interval.ms", "-1")))
                .hasMessage("Invalid value -1 for configuration heartbeat.interval.ms: must be at least 0");
    }

    @Test
    void tombstonesNotABoolean() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("tombstones.on.delete", "sometimes")))
                .hasMessageContaining("tombstones.on.delete").hasMessageContaining("sometimes");
    }
}
