package dev.cdc.core.event;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record sits in Kafka, for error messages: topic, partition and, for a
 * {@link SinkRecord}, offset.
 *
 * @param topic     the topic
 * @param partition the Kafka partition, null when not known yet
 * @param offset    the Kafka offset, null for records not read from Kafka
 */
public record RecordCoordinates(String topic, Integer partition, Long offset) {
    public RecordCoordinates {
        requireNonNull(topic, "topic is null");
    }

    public static RecordCoordinates of(ConnectRecord<?> record) {
        requireNonNull(record, "record is null");
        Long offset = record instanceof SinkRecord sink ? sink.kafkaOffset() : null;
        return new RecordCoordinates(record.topic(), record.kafkaPartition(), offset);
    }

    /** {@code topic inventory.shop.orders partition 2 offset 1234}. */
    @Override
    public String toString() {
        return "topic " + topic + (partition == null ? "" : " partition " + partition) + (offset == null ? "" : " offset " + offset);
    }
}
