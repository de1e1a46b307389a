package dev.cdc.testkit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts a topic's records by its end offsets, and reads the timestamps of chosen records. */
public final class TopicWatch implements AutoCloseable {
    private final String bootstrap;
    private final Admin admin;

    public TopicWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-bench-admin");
        this.admin = Admin.create(properties);
    }

    /** The topic's partitions, empty while it does not exist. */
    public List<TopicPartition> partitions(String topic) throws InterruptedException {
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return List.of();
            }
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return List.of();
        }
    }

    /** Records in the topic (sum of end offsets; the topics are never compacted or trimmed during a run); 0 while it does not exist. */
    public long count(String topic) throws InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets(partitions(topic));
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            result.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list the end offsets of " + partitions, e);
        }
    }

    /**
     * The smallest record timestamp at {@code fromOffset} and the largest one before
     * {@code toOffset} over all partitions, for a single-partition topic exactly the first and last
     * record of the range; {@code long[]{-1, -1}} when not found.
     */
    public long[] timestampRange(String topic, long fromOffset, long toOffset) throws InterruptedException {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.size() != 1) {
            return new long[] {-1, -1};
        }
        TopicPartition partition = partitions.get(0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            return new long[] {timestampAt(consumer, partition, fromOffset), timestampAt(consumer, partition, toOffset - 1)};
        }
    }

    private static long timestampAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= offset) {
                    return record.timestamp();
                }
            }
        }
        return -1;
    }

    /** A consumer without a group that never creates topics. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-bench-consumer");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    /** Deletes the topics named {@code prefix}, {@code prefix.*} (data, schema changes) and {@code *.prefix} (heartbeats). */
    public List<String> deleteTopics(String prefix) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> doomed = new ArrayList<>();
        for (String name : names) {
            if (name.equals(prefix) || name.startsWith(prefix + ".") || name.endsWith("." + prefix)) {
                doomed.add(name);
            }
        }
        if (!doomed.isEmpty()) {
            admin.deleteTopics(doomed).all().get(30, TimeUnit.SECONDS);
        }
        return doomed;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
