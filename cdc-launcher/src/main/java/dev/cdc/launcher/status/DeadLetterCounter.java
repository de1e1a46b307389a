package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Counts the records in a dead letter queue topic (the sum of its partitions' end offsets, less
 * their start offsets): what {@code bin/cdc status} shows next to a sink that sent records there.
 */
final class DeadLetterCounter implements AutoCloseable {
    private final Admin admin;

    DeadLetterCounter(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, requireNonNull(bootstrapServers, "bootstrapServers is null"));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        this.admin = Admin.create(properties);
    }

    /** Records in the topic; 0 when it does not exist yet; empty when Kafka cannot tell. */
    Optional<Long> count(String topic) {
        try {
            TopicDescription description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            description.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            });
            return Optional.of(sum(admin.listOffsets(latest)) - sum(admin.listOffsets(earliest)));
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException ? Optional.of(0L) : Optional.empty();
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static long sum(ListOffsetsResult result) throws ExecutionException, InterruptedException, TimeoutException {
        long total = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : result.all().get(10, TimeUnit.SECONDS).values()) {
            total += info.offset();
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }
}
