package dev.cdc.sink.elasticsearch.bulk;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which Kafka offsets may be committed: per partition, the records in the order {@code put()}
 * received them, each settled once Elasticsearch acknowledged its write (or it was skipped, or
 * reported as errant). The committable offset of a partition is one past the last record of the
 * settled prefix, so a record still in flight holds back every later one.
 *
 * <p>Threads: {@link #track}, {@link #committable} and {@link #forget} run on the task thread;
 * {@link Entry#settle()} may run on any thread (a volatile write).
 */
public final class OffsetTracker {
    private final Map<TopicPartition, ArrayDeque<Entry>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> committable = new HashMap<>();

    /** Starts tracking a record, by its original topic, partition and offset (before any SMT). */
    public Entry track(SinkRecord record) {
        TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
        Entry entry = new Entry(record.originalKafkaOffset());
        pending.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(entry);
        return entry;
    }

    /** The offsets to commit: for each partition with progress, the next offset to consume. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        for (Map.Entry<TopicPartition, ArrayDeque<Entry>> partition : pending.entrySet()) {
            ArrayDeque<Entry> entries = partition.getValue();
            while (!entries.isEmpty() && entries.peekFirst().settled) {
                committable.put(partition.getKey(), entries.pollFirst().offset + 1);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        committable.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }

    /** Records tracked and not settled yet. */
    public int unsettled() {
        return pending.values().stream().mapToInt(entries -> (int) entries.stream().filter(e -> !e.settled).count()).sum();
    }

    /** Stops tracking partitions that were revoked. */
    public void forget(Collection<TopicPartition> partitions) {
        requireNonNull(partitions, "partitions is null");
        partitions.forEach(partition -> {
            pending.remove(partition);
            committable.remove(partition);
        });
    }

    /** One record's progress. */
    public static final class Entry {
        private final long offset;
        private final AtomicInteger unsettledParts = new AtomicInteger(1);
        private volatile boolean settled;

        Entry(long offset) {
            this.offset = offset;
        }

        /**
         * The record is written by {@code parts} more actions (e.g. to both indexes during a
         * reindex): it is settled only once every part is. Call before handing the actions over.
         */
        public void addParts(int parts) {
            unsettledParts.addAndGet(parts);
        }

        /** Marks the record, or one of its parts, as done: acknowledged, skipped or reported. */
        public void settle() {
            if (unsettledParts.decrementAndGet() <= 0) {
                settled = true;
            }
        }

        public boolean isSettled() {
            return settled;
        }

        public long offset() {
            return offset;
        }
    }
}
