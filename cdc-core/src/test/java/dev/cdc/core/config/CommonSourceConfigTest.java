package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommonSourceConfigTest {

    @Test
    void defaultsAreDebeziums() {
        CommonSourceConfig config = CommonSourceConfig.from(Map.of("topic.prefix", "inventory"));

        assertThat(config.topicPrefix()).isEqualTo("inventory");
        assertThat(config.queue().maxBatchSize()).isEqualTo(2048);
        assertThat(config.queue().maxQueueSize()).isEqualTo(8192);
        assertThat(config.queue().maxQueueSizeInBytes()).isZero();
        assertThat(config.queue().pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.heartbeat().interval()).isZero();
        assertThat(config.heartbeat().enabled()).isFalse();
        assertThat(config.heartbeat().topicsPrefix()).isEqualTo("__debezium-heartbeat");
        assertThat(config.heartbeat().topicFor(config.topicPrefix())).isEqualTo("__debezium-heartbeat.inventory");
    }

    @Test
    void everyKeyIsReadFromTheProperties() {
        CommonSourceConfig config = CommonSourceConfig.from(Map.of(
                "topic.prefix", "shop-1", "max.batch.size", "100", "max.queue.size", "400",
                "max.queue.size.in.bytes", "1048576", "poll.interval.ms", "20",
                "heartbeat.interval.ms", "10000", "heartbeat.topics.prefix", "beats"));

        assertThat(config.queue().maxBatchSize()).isEqualTo(100);
        assertThat(config.queue().maxQueueSize()).isEqualTo(400);
        assertThat(config.queue().maxQueueSizeInBytes()).isEqualTo(1_048_576);
        assertThat(config.queue().pollInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.heartbeat().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.heartbeat().topicFor("shop-1")).isEqualTo("beats.shop-1");
    }

    @Test
    void declaresExactlyTheSharedKeys() {
        assertThat(CommonSourceConfig.define(new ConfigDef()).names()).containsExactlyInAnyOrder(
                "topic.prefix", "max.batch.size", "max.queue.size", "max.queue.size.in.bytes", "poll.interval.ms",
                "heartbeat.interval.ms", "heartbeat.topics.prefix");
    }

    @Test
    void topicPrefixIsRequired() {
        assertThatThrownBy(() -> CommonSourceConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.prefix");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topic.prefix            | ''         | Invalid value  for configuration topic.prefix: must not be empty",
        "topic.prefix            | my db      | Invalid value my db for configuration topic.prefix: contains ' ' at index 2; only letters a-z A-Z, digits, '.', '_' and '-' are allowed",
        "max.batch.size          | 0          | Invalid value 0 for configuration max.batch.size: must be a whole number of at least 1",
        "max.batch.size          | -5         | Invalid value -5 for configuration max.batch.size: must be a whole number of at least 1",
        "max.queue.size          | 0          | Invalid value 0 for configuration max.queue.size: must be a whole number of at least 1",
        "max.queue.size.in.bytes | -1         | Invalid value -1 for configuration max.queue.size.in.bytes: must be a whole number of at least 0 (0 = no limit)",
        "poll.interval.ms        | 0          | Invalid value 0 for configuration poll.interval.ms: must be a whole number of at least 1",
        "heartbeat.interval.ms   | -1000      | Invalid value -1000 for configuration heartbeat.interval.ms: must be a whole number of at least 0 (0 = off)",
        "heartbeat.topics.prefix | beats/2    | Invalid value beats/2 for configuration heartbeat.topics.prefix: contains '/' at index 5",
        "max.batch.size          | many       | Invalid value many for configuration max.batch.size",
    })
    void aBadValueFailsWithAMessageNamingKeyValueAndWhatIsAllowed(String key, String value, String expectedMessage) {
        Map<String, String> properties = new HashMap<>(Map.of("topic.prefix", "inventory"));
        properties.put(key, value);

        assertThatThrownBy(() -> CommonSourceConfig.from(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expectedMessage);
    }

    @Test
    void aTopicPrefixLongerThanKafkaAllowsIsRejected() {
        assertThatThrownBy(() -> CommonSourceConfig.from(Map.of("topic.prefix", "p".repeat(250))))
                .hasMessageContaining("is 250 characters long; Kafka topic names allow at most 249");
    }

    @Test
    void aQueueNotLargerThanTheBatchIsRejectedWithTheFix() {
        assertThatThrownBy(() -> CommonSourceConfig.from(Map.of("topic.prefix", "inventory", "max.queue.size", "2048")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 2048 for configuration max.queue.size: must be larger than max.batch.size (2048), "
                        + "so that the reader can keep filling the queue while a batch is handed over; "
                        + "set it to at least 8192 or lower max.batch.size");
    }

    @Test
    void validateAcrossKeysAttachesTheQueueSizeErrorToItsKey() {
        ConfigDef definition = CommonSourceConfig.define(new ConfigDef());
        Map<String, String> properties = Map.of("topic.prefix", "inventory", "max.batch.size", "500", "max.queue.size", "100");

        Config config = CommonSourceConfig.validateAcrossKeys(new Config(List.copyOf(definition.validateAll(properties).values())));

        assertThat(errorsOf(config, "max.queue.size")).singleElement().asString()
                .startsWith("Invalid value 100 for configuration max.queue.size: must be larger than max.batch.size (500)");
        assertThat(errorsOf(config, "max.batch.size")).isEmpty();
    }

    @Test
    void validateAcrossKeysSkipsTheCheckWhenAKeyAlreadyFailed() {
        ConfigDef definition = CommonSourceConfig.define(new ConfigDef());
        Map<String, String> properties = Map.of("topic.prefix", "inventory", "max.batch.size", "x", "max.queue.size", "100");

        Config config = CommonSourceConfig.validateAcrossKeys(new Config(List.copyOf(definition.validateAll(properties).values())));

        assertThat(errorsOf(config, "max.queue.size")).isEmpty();
        assertThat(errorsOf(config, "max.batch.size")).hasSize(1);
    }

    private static List<String> errorsOf(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key))
                .findFirst().map(ConfigValue::errorMessages).orElseThrow();
    }
}
