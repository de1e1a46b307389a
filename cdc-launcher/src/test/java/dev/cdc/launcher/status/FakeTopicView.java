package dev.cdc.launcher.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * A {@link TopicView} over partitions held in memory: each partition a start offset and the times
 * of its records from there on (null for a record without a time, e.g. a tombstone). Records which
 * ranges the code under test asked to read, to check it reads only what it needs.
 */
final class FakeTopicView implements TopicView {
    private final Map<TopicPartition, Long> starts = new HashMap<>();
    private final Map<TopicPartition, List<Long>> sourceMillis = new HashMap<>();
    private final Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    private final Set<String> extraTopics = new TreeSet<>();
    final List<Map<TopicPartition, OffsetRange>> reads = new ArrayList<>();
    String unavailable;
    boolean closed;

    /** Adds a partition whose records start at {@code start}, one per time given. */
    FakeTopicView partition(String topic, int partition, long start, Long... times) {
        TopicPartition key = new TopicPartition(topic, partition);
        starts.put(key, start);
        sourceMillis.put(key, new ArrayList<>(java.util.Arrays.asList(times)));
        return this;
    }

    /** A topic without partitions of interest, e.g. one no connector reads. */
    FakeTopicView topic(String topic) {
        extraTopics.add(topic);
        return this;
    }

    FakeTopicView committed(String group, String topic, int partition, long offset) {
        committed.computeIfAbsent(group, g -> new HashMap<>()).put(new TopicPartition(topic, partition), offset);
        return this;
    }

    @Override
    public Set<String> topicNames() throws KafkaUnavailableException {
        check();
        Set<String> names = new TreeSet<>(extraTopics);
        starts.keySet().forEach(p -> names.add(p.topic()));
        return names;
    }

    @Override
    public Map<TopicPartition, OffsetRange> offsetRanges(Collection<String> topics) throws KafkaUnavailableException {
        check();
        Map<TopicPartition, OffsetRange> ranges = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        starts.forEach((partition, start) -> {
            if (topics.contains(partition.topic())) {
                ranges.put(partition, new OffsetRange(start, start + sourceMillis.get(partition).size()));
            }
        });
        return ranges;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group) throws KafkaUnavailableException {
        check();
        return committed.getOrDefault(group, Map.of());
    }

    @Override
    public Map<TopicPartition, List<EventTimes>> eventTimes(Map<TopicPartition, OffsetRange> ranges) throws KafkaUnavailableException {
        check();
        reads.add(Map.copyOf(ranges));
        Map<TopicPartition, List<EventTimes>> times = new HashMap<>();
        ranges.forEach((partition, range) -> {
            List<EventTimes> read = new ArrayList<>();
            for (long offset = range.start(); offset < range.end(); offset++) {
                Long millis = sourceMillis.get(partition).get((int) (offset - starts.get(partition)));
                read.add(millis == null ? EventTimes.unknown(offset, "tombstone") : EventTimes.of(offset, millis, millis + 5));
            }
            times.put(partition, read);
        });
        return times;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void check() throws KafkaUnavailableException {
        if (unavailable != null) {
            throw new KafkaUnavailableException(unavailable, null);
        }
    }
}
