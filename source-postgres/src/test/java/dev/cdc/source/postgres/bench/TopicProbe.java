package dev.cdc.source.postgres.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks at the benchmark's topics from outside the worker: record counts from end offsets (the
 * topics are never compacted or trimmed during a run), the Kafka timestamps of chosen records, a
 * group-less consumer, and the deletion of the run's topics.
 */
final class TopicProbe implements AutoCloseable {
    private final String bootstrapServers;
    private final Admin admin;

    TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-postgres-bench-admin");
        this.admin = Admin.create(properties);
    }

    /** The topic's partitions; empty while the topic does not exist. */
    List<TopicPartition> partitions(String topic) throws InterruptedException {
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return List.of();
            }
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of(); // created a moment later, or the broker is slow: the next look sees it
        }
    }

    /** Records in the topic: the sum of its end offsets; 0 while it does not exist. */
    long count(String topic) throws InterruptedException {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + " from " + bootstrapServers, e);
        }
    }

    /** The Kafka timestamp of the record at {@code offset} of a single-partition topic; empty when the topic has more partitions. */
    OptionalLong timestampAt(String topic, long offset) throws InterruptedException {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.size() != 1) {
            return OptionalLong.empty();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions);
            consumer.seek(partitions.get(0), offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= offset) {
                        return OptionalLong.of(record.timestamp());
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** A consumer without group or auto-commit that never creates topics. */
    KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-postgres-bench-consumer");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    /** Deletes the topics of a run: {@code prefix.*} (data, schema changes) and {@code *.prefix} (heartbeats); returns their names. */
    List<String> deleteTopicsOf(String prefix) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(prefix + ".") || name.endsWith("." + prefix)).sorted().toList();
        if (!names.isEmpty()) {
            admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
        }
        return names;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
