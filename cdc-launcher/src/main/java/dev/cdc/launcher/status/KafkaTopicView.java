package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@link TopicView} over a Kafka {@link Admin} (offsets, topics, groups) and, created on first
 * use, a group-less {@link KafkaConsumer} that is assigned the partitions to read and seeks to
 * them: it commits nothing and joins no group. Every request waits at most {@value #TIMEOUT_SECONDS}
 * seconds. Not thread-safe; one {@code status} run uses it from one thread.
 */
final class KafkaTopicView implements TopicView {
    static final int TIMEOUT_SECONDS = 5;

    private final String bootstrapServers;
    private final Admin admin;
    private final EventTimestamps timestamps = new EventTimestamps();
    private KafkaConsumer<byte[], byte[]> consumer;

    KafkaTopicView(String bootstrapServers) {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers is null");
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-status");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_SECONDS * 1000));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_SECONDS * 1000));
        this.admin = Admin.create(properties);
    }

    @Override
    public Set<String> topicNames() throws KafkaUnavailableException {
        return await(admin.listTopics().names(), "list the topics");
    }

    @Override
    public Map<TopicPartition, OffsetRange> offsetRanges(Collection<String> topics) throws KafkaUnavailableException {
        Set<String> existing = new HashSet<>(topics);
        existing.retainAll(topicNames());
        if (existing.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(existing).allTopicNames(), "describe " + existing);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p -> {
            earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = await(admin.listOffsets(earliest).all(), "read the start offsets of " + existing);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = await(admin.listOffsets(latest).all(), "read the end offsets of " + existing);
        Map<TopicPartition, OffsetRange> ranges = new HashMap<>();
        ends.forEach((partition, end) -> ranges.put(partition, new OffsetRange(starts.get(partition).offset(), end.offset())));
        return ranges;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group) throws KafkaUnavailableException {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "read the offsets of consumer group " + group);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    @Override
    public Map<TopicPartition, List<EventTimes>> eventTimes(Map<TopicPartition, OffsetRange> ranges) throws KafkaUnavailableException {
        try {
            return read(ranges);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " could not deliver the records of " + ranges.keySet()
                    + ": " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, List<EventTimes>> read(Map<TopicPartition, OffsetRange> ranges) {
        Map<TopicPartition, List<EventTimes>> times = new HashMap<>();
        Map<TopicPartition, OffsetRange> pending = new HashMap<>();
        ranges.forEach((partition, range) -> {
            if (range.records() > 0) {
                pending.put(partition, range);
                times.put(partition, new ArrayList<>());
            }
        });
        if (pending.isEmpty()) {
            return times;
        }
        KafkaConsumer<byte[], byte[]> reader = consumer();
        reader.assign(pending.keySet());
        pending.forEach((partition, range) -> reader.seek(partition, range.start()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                OffsetRange range = pending.get(partition);
                if (range != null && record.offset() < range.end()) {
                    times.get(partition).add(timestamps.read(record.topic(), record.offset(), record.value()));
                }
            }
            for (TopicPartition partition : List.copyOf(pending.keySet())) {
                if (reader.position(partition, Duration.ofSeconds(TIMEOUT_SECONDS)) >= pending.get(partition).end()) {
                    pending.remove(partition);
                    reader.pause(List.of(partition));
                }
            }
        }
        reader.assign(List.of());
        pending.keySet().forEach(times::remove);
        return times;
    }

    /** Closes at once: a request still waiting is one Kafka did not answer in time, and is given up. */
    @Override
    public void close() {
        admin.close(Duration.ZERO);
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-status-reader");
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_SECONDS * 1000));
            properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_SECONDS * 1000));
            consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    private KafkaUnavailableException notAnswering(String what, Throwable cause) {
        return new KafkaUnavailableException("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS
                + " s to " + what + " (is the stack up? bin/cdc stack status)", cause);
    }

    private <T> T await(KafkaFuture<T> future, String what) throws KafkaUnavailableException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw notAnswering(what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw notAnswering(what, e.getCause());
            }
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " could not " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while asking Kafka at " + bootstrapServers + " to " + what, e);
        }
    }
}
