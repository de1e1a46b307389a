package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The settings every source connector shares, with Debezium's key names: {@code topic.prefix}
 * (required) plus the {@link QueueConfig} and {@link HeartbeatConfig} keys. A source composes its
 * own small config classes with this one instead of inheriting from it:
 *
 * <pre>{@code
 * static final ConfigDef CONFIG_DEF = CommonSourceConfig.define(new ConfigDef()) ... .define(own keys);
 *
 * public Config validate(Map<String, String> props) {
 *     return CommonSourceConfig.validateAcrossKeys(super.validate(props));
 * }
 * }</pre>
 */
public final class CommonSourceConfig {
    public static final String TOPIC_PREFIX = "topic.prefix";

    private final String topicPrefix;
    private final QueueConfig queue;
    private final HeartbeatConfig heartbeat;

    public CommonSourceConfig(String topicPrefix, QueueConfig queue, HeartbeatConfig heartbeat) {
        requireNonNull(topicPrefix, "topicPrefix is null");
        Validators.topicNamePart().ensureValid(TOPIC_PREFIX, topicPrefix);
        this.topicPrefix = topicPrefix;
        this.queue = requireNonNull(queue, "queue is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
    }

    /** Declares {@code topic.prefix} and the queue and heartbeat keys in {@code definition} and returns it. */
    public static ConfigDef define(ConfigDef definition) {
        definition.define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.topicNamePart(), Importance.HIGH,
                "Logical name of the source server; the first part of every topic name (<topic.prefix>.<db>.<table>), "
                        + "of the schema names and of the JMX metrics names. Do not change it once the connector ran.");
        return HeartbeatConfig.define(QueueConfig.define(definition));
    }

    /** The values of a parsed config; see {@link QueueConfig#from(AbstractConfig)} for the cross-key rule. */
    public static CommonSourceConfig from(AbstractConfig config) {
        return new CommonSourceConfig(config.getString(TOPIC_PREFIX), QueueConfig.from(config), HeartbeatConfig.from(config));
    }

    /** Parses the shared keys only (other keys are ignored); for tests and tools. */
    public static CommonSourceConfig from(Map<String, ?> properties) {
        return from(new AbstractConfig(define(new ConfigDef()), properties, false));
    }

    /** Adds the cross-key errors to a validation result and returns it. */
    public static Config validateAcrossKeys(Config config) {
        Map<String, ConfigValue> byName = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity(), (first, second) -> first));
        QueueConfig.validateAcrossKeys(byName);
        return config;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public QueueConfig queue() {
        return queue;
    }

    public HeartbeatConfig heartbeat() {
        return heartbeat;
    }
}
