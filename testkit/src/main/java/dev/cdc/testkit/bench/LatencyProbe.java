package dev.cdc.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Commit-to-Kafka latency of rows written at a steady rate: consumes the data topic from its end
 * while the writer runs, and for every insert ({@code op=c}, JSON with schemas) of the keys
 * {@code firstKey ..} takes the Kafka record timestamp and this consumer's receive time, each minus
 * the row's {@code created_at} (epoch milliseconds in the event).
 */
public final class LatencyProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LatencyProbe() {
    }

    /** @param writer writes the rows and returns its elapsed nanoseconds */
    public static Latencies measure(TopicWatch topics, String topic, long firstKey, int total, int warmup, String createdBy,
            Callable<Long> writer) throws Exception {
        long[] byKafkaTimestamp = new long[total];
        long[] byReceive = new long[total];
        Arrays.fill(byKafkaTimestamp, Long.MIN_VALUE);
        int seen = 0;
        double writerSeconds;
        ExecutorService writerThread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "bench-latency-writer"));
        try (KafkaConsumer<byte[], byte[]> consumer = topics.consumer()) {
            List<TopicPartition> partitions = topics.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Future<Long> written = writerThread.submit(writer);
            long deadline = Long.MAX_VALUE;
            while (seen < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.currentTimeMillis();
                    if (record.value() == null) {
                        continue;
                    }
                    JsonNode payload = JSON.readTree(record.value()).path("payload");
                    if (!"c".equals(payload.path("op").asText())) {
                        continue;
                    }
                    JsonNode after = payload.path("after");
                    long index = after.path("id").asLong() - firstKey;
                    if (index < 0 || index >= total) {
                        continue;
                    }
                    long createdAt = after.path("created_at").asLong();
                    if (byKafkaTimestamp[(int) index] == Long.MIN_VALUE) {
                        seen++;
                    }
                    byKafkaTimestamp[(int) index] = record.timestamp() - createdAt;
                    byReceive[(int) index] = received - createdAt;
                }
                if (deadline == Long.MAX_VALUE && written.isDone()) {
                    written.get();
                    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                }
            }
            writerSeconds = written.get() / 1e9;
        } finally {
            writerThread.shutdownNow();
        }
        return new Latencies(total, writerSeconds, seen, warmup, byKafkaTimestamp, byReceive, createdBy);
    }
}
