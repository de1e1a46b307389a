package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

/**
 * One topic a sink connector consumes, as {@code bin/cdc status} shows it.
 *
 * @param topic              the topic
 * @param target             what it feeds, e.g. {@code index inventory.orders}; null when not obvious
 * @param eventsBehind       records after the offsets the sink's consumer group committed (all of them where
 *                           it committed none); null when Kafka was not asked
 * @param millisBehindSource 0 when caught up; else now less {@code source.ts_ms} of the oldest record not yet
 *                           committed; null when unknown (see {@code note})
 * @param note               why a value is unknown, or null
 */
public record SinkTopic(String topic, String target, Long eventsBehind, Long millisBehindSource, String note) {
    public SinkTopic {
        requireNonNull(topic, "topic is null");
    }
}
