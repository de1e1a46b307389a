package dev.cdc.launcher.status;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code bin/cdc status} reads from Kafka: topic names, partition offsets, consumer group
 * offsets and the timestamps inside a few change events. An interface so that the lag arithmetic
 * is tested with a hand-written fake; {@link KafkaTopicView} is the real one.
 */
interface TopicView extends AutoCloseable {
    /** The names of all topics; the first call also tells whether Kafka answers at all. */
    Set<String> topicNames() throws KafkaUnavailableException;

    /** Start and end offsets of every partition of the topics; topics that do not exist are left out. */
    Map<TopicPartition, OffsetRange> offsetRanges(Collection<String> topics) throws KafkaUnavailableException;

    /** Offsets the consumer group committed; empty when the group committed none. */
    Map<TopicPartition, Long> committedOffsets(String group) throws KafkaUnavailableException;

    /**
     * The timestamps of the records in each partition's range, in offset order. Partitions Kafka
     * did not deliver in time are left out.
     */
    Map<TopicPartition, List<EventTimes>> eventTimes(Map<TopicPartition, OffsetRange> ranges) throws KafkaUnavailableException;

    @Override
    void close();

    /** Offsets {@code [start, end)} of a partition: the records it holds, or a part of them. */
    record OffsetRange(long start, long end) {
        public OffsetRange {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("offset range [" + start + ", " + end + ") is not valid");
            }
        }

        long records() {
            return end - start;
        }

        /** The last {@code count} records of this range, or all when it holds fewer. */
        OffsetRange last(int count) {
            return new OffsetRange(Math.max(start, end - count), end);
        }

        /** At most {@code count} records from {@code from}, which lies in this range. */
        OffsetRange from(long from, int count) {
            long first = Math.max(start, Math.min(from, end));
            return new OffsetRange(first, Math.min(end, first + count));
        }
    }

    /**
     * When the change in a record happened in the database ({@code source.ts_ms}) and when the
     * connector made the record ({@code ts_ms}); null when the record does not say, with the reason
     * in {@code problem}.
     */
    record EventTimes(long offset, Long sourceMillis, Long eventMillis, String problem) {
        static EventTimes of(long offset, long sourceMillis, Long eventMillis) {
            return new EventTimes(offset, sourceMillis, eventMillis, null);
        }

        static EventTimes unknown(long offset, String problem) {
            return new EventTimes(offset, null, null, problem);
        }

        boolean known() {
            return sourceMillis != null;
        }
    }
}
