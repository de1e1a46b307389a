package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Heartbeat settings, with Debezium's key names and defaults: {@code heartbeat.interval.ms}
 * (0 = off) and {@code heartbeat.topics.prefix} ({@code __debezium-heartbeat}); heartbeats go to
 * {@code <heartbeat.topics.prefix>.<topic.prefix>}. Immutable.
 */
public final class HeartbeatConfig {
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String HEARTBEAT_TOPICS_PREFIX = "heartbeat.topics.prefix";

    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 0;
    public static final String DEFAULT_HEARTBEAT_TOPICS_PREFIX = "__debezium-heartbeat";

    private final Duration interval;
    private final String topicsPrefix;

    /** @throws ConfigException when the interval is negative or the prefix is not a valid topic name part */
    public HeartbeatConfig(Duration interval, String topicsPrefix) {
        requireNonNull(interval, "interval is null");
        requireNonNull(topicsPrefix, "topicsPrefix is null");
        Validators.nonNegative("0 = off").ensureValid(HEARTBEAT_INTERVAL_MS, interval.toMillis());
        Validators.topicNamePart().ensureValid(HEARTBEAT_TOPICS_PREFIX, topicsPrefix);
        this.interval = interval;
        this.topicsPrefix = topicsPrefix;
    }

    /** Heartbeats off, default topic prefix. */
    public static HeartbeatConfig defaults() {
        return new HeartbeatConfig(Duration.ofMillis(DEFAULT_HEARTBEAT_INTERVAL_MS), DEFAULT_HEARTBEAT_TOPICS_PREFIX);
    }

    /** Declares the two keys in {@code definition} and returns it. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(HEARTBEAT_INTERVAL_MS, Type.LONG, DEFAULT_HEARTBEAT_INTERVAL_MS, Validators.nonNegative("0 = off"),
                        Importance.MEDIUM, "When no captured change was emitted for this many milliseconds, emit a heartbeat "
                                + "record carrying the current source offset, so that offsets (and a Postgres slot) keep "
                                + "moving while the captured tables are idle. 0 turns heartbeats off.")
                .define(HEARTBEAT_TOPICS_PREFIX, Type.STRING, DEFAULT_HEARTBEAT_TOPICS_PREFIX, Validators.topicNamePart(),
                        Importance.LOW, "Prefix of the heartbeat topic, which is named <prefix>.<topic.prefix>.");
    }

    public static HeartbeatConfig from(AbstractConfig config) {
        return new HeartbeatConfig(Duration.ofMillis(config.getLong(HEARTBEAT_INTERVAL_MS)), config.getString(HEARTBEAT_TOPICS_PREFIX));
    }

    /** Zero when heartbeats are off. */
    public Duration interval() {
        return interval;
    }

    public boolean enabled() {
        return !interval.isZero();
    }

    public String topicsPrefix() {
        return topicsPrefix;
    }

    /** The heartbeat topic of a connector: {@code <heartbeat.topics.prefix>.<topicPrefix>}. */
    public String topicFor(String topicPrefix) {
        return topicsPrefix + "." + requireNonNull(topicPrefix, "topicPrefix is null");
    }

    @Override
    public String toString() {
        return HEARTBEAT_INTERVAL_MS + "=" + interval.toMillis() + ", " + HEARTBEAT_TOPICS_PREFIX + "=" + topicsPrefix;
    }
}
