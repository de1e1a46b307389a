package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-table detail of {@code bin/cdc status} from Kafka, and the lag arithmetic:
 * <ul>
 *   <li>a source table streaming: seconds behind = now less {@code source.ts_ms} of the newest
 *   record of its topic (the maximum over partitions of each one's last record that has a time);</li>
 *   <li>a sink topic: events behind = the sum over partitions of end offset less the offset the
 *   consumer group committed (its start offset where it committed none); seconds behind = now less
 *   {@code source.ts_ms} of the oldest record not yet committed (the minimum over partitions), 0
 *   when caught up.</li>
 * </ul>
 * A partition's last {@value #RECORDS_READ} records are read, not only its last one: after a delete
 * the last record is a tombstone without a time.
 */
final class TableDetails {
    static final int RECORDS_READ = 4;
    private static final Pattern NOT_IN_TOPIC_NAMES = Pattern.compile("[^a-zA-Z0-9._-]");

    private final TopicView kafka;
    private final Clock clock;

    TableDetails(TopicView kafka, Clock clock) {
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The source's tables: those its offsets name and those with a topic {@code <topicPrefix>.<db>.<table>}. */
    List<SourceTable> source(String topicPrefix, SourceOffsets offsets, Set<String> topicNames) throws KafkaUnavailableException {
        Map<String, String> tables = tables(topicPrefix, offsets, topicNames);
        Map<TopicPartition, TopicView.OffsetRange> ranges = kafka.offsetRanges(tables.keySet());
        Map<TopicPartition, TopicView.OffsetRange> lastRecords = new HashMap<>();
        ranges.forEach((partition, range) -> lastRecords.put(partition, range.last(RECORDS_READ)));
        Map<TopicPartition, List<TopicView.EventTimes>> times = kafka.eventTimes(lastRecords);
        List<SourceTable> result = new ArrayList<>();
        tables.forEach((topic, table) -> result.add(sourceTable(table, topic, offsets, partitionsOf(topic, ranges), times)));
        return result;
    }

    /** The source's tables its offsets name, without Kafka: snapshot progress only. */
    static List<SourceTable> sourceWithoutKafka(String topicPrefix, SourceOffsets offsets, String reason) {
        List<SourceTable> result = new ArrayList<>();
        tables(topicPrefix, offsets, Set.of()).forEach((topic, table) -> {
            SourceTable.Phase phase = phase(table, offsets);
            result.add(new SourceTable(table, topic, phase, rowsDone(table, phase, offsets), null, null, null,
                    phase == SourceTable.Phase.STREAMING ? reason : null));
        });
        return result;
    }

    /** The sink's topics: its {@code topics} list, or those matching its {@code topics.regex}. */
    List<SinkTopic> sink(String connector, String connectorClass, Map<String, String> config, Set<String> topicNames)
            throws KafkaUnavailableException {
        Set<String> topics = sinkTopics(config, topicNames);
        Map<TopicPartition, TopicView.OffsetRange> ranges = kafka.offsetRanges(topics);
        Map<TopicPartition, Long> committed = kafka.committedOffsets(config.getOrDefault("consumer.override.group.id", "connect-" + connector));
        Map<TopicPartition, TopicView.OffsetRange> pending = new HashMap<>();
        ranges.forEach((partition, range) -> {
            TopicView.OffsetRange notCommitted = range.from(committed.getOrDefault(partition, range.start()), Integer.MAX_VALUE);
            if (notCommitted.records() > 0) {
                pending.put(partition, notCommitted);
            }
        });
        Map<TopicPartition, TopicView.OffsetRange> oldestPending = new HashMap<>();
        pending.forEach((partition, range) -> oldestPending.put(partition, range.from(range.start(), RECORDS_READ)));
        Map<TopicPartition, List<TopicView.EventTimes>> times = kafka.eventTimes(oldestPending);
        List<SinkTopic> result = new ArrayList<>();
        for (String topic : topics) {
            String target = SinkTargets.of(connectorClass, config, topic);
            result.add(ranges.keySet().stream().noneMatch(p -> p.topic().equals(topic))
                    ? new SinkTopic(topic, target, null, null, "topic does not exist")
                    : sinkTopic(topic, target, partitionsOf(topic, pending), times));
        }
        return result;
    }

    /** Records in a dead letter queue topic; 0 when it does not exist. */
    long records(String topic) throws KafkaUnavailableException {
        return kafka.offsetRanges(List.of(topic)).values().stream().mapToLong(TopicView.OffsetRange::records).sum();
    }

    private SourceTable sourceTable(String table, String topic, SourceOffsets offsets, Map<TopicPartition, TopicView.OffsetRange> partitions,
            Map<TopicPartition, List<TopicView.EventTimes>> times) {
        SourceTable.Phase phase = phase(table, offsets);
        Long rowsDone = rowsDone(table, phase, offsets);
        if (partitions.isEmpty()) {
            return new SourceTable(table, topic, phase, rowsDone, null, null, null, "no topic yet");
        }
        long events = partitions.values().stream().mapToLong(TopicView.OffsetRange::records).sum();
        if (events == 0) {
            return new SourceTable(table, topic, phase, rowsDone, 0L, null, null, "no events yet");
        }
        Optional<TopicView.EventTimes> newest = partitions.keySet().stream()
                .flatMap(p -> lastKnown(times.getOrDefault(p, List.of())).stream())
                .max((a, b) -> Long.compare(a.sourceMillis(), b.sourceMillis()));
        if (newest.isEmpty()) {
            return new SourceTable(table, topic, phase, rowsDone, events, null, null, whyUnknown(partitions, times));
        }
        long lastChange = newest.get().sourceMillis();
        return new SourceTable(table, topic, phase, rowsDone, events, lastChange, behind(lastChange), null);
    }

    private SinkTopic sinkTopic(String topic, String target, Map<TopicPartition, TopicView.OffsetRange> pending,
            Map<TopicPartition, List<TopicView.EventTimes>> times) {
        long behind = pending.values().stream().mapToLong(TopicView.OffsetRange::records).sum();
        if (behind == 0) {
            return new SinkTopic(topic, target, 0L, 0L, null);
        }
        Optional<Long> oldest = pending.keySet().stream()
                .flatMap(p -> times.getOrDefault(p, List.of()).stream().filter(TopicView.EventTimes::known).findFirst().stream())
                .map(TopicView.EventTimes::sourceMillis).min(Long::compare);
        return oldest.isPresent() ? new SinkTopic(topic, target, behind, behind(oldest.get()), null)
                : new SinkTopic(topic, target, behind, null, whyUnknown(pending, times));
    }

    private long behind(long sourceMillis) {
        return Math.max(0, clock.millis() - sourceMillis);
    }

    private static Optional<TopicView.EventTimes> lastKnown(List<TopicView.EventTimes> times) {
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.get(i).known()) {
                return Optional.of(times.get(i));
            }
        }
        return Optional.empty();
    }

    private static String whyUnknown(Map<TopicPartition, TopicView.OffsetRange> partitions, Map<TopicPartition, List<TopicView.EventTimes>> times) {
        Set<String> problems = new TreeSet<>();
        for (TopicPartition partition : partitions.keySet()) {
            List<TopicView.EventTimes> read = times.get(partition);
            if (read == null || read.isEmpty()) {
                problems.add("records not read within " + KafkaTopicView.TIMEOUT_SECONDS + " s");
            } else {
                read.forEach(t -> problems.add(t.problem()));
            }
        }
        return "time unknown: " + String.join(", ", problems);
    }

    private static SourceTable.Phase phase(String table, SourceOffsets offsets) {
        return offsets.snapshot().map(s -> s.currentTable().filter(table::equals).isPresent() ? SourceTable.Phase.SNAPSHOT_RUNNING
                : s.isPending(table) ? SourceTable.Phase.SNAPSHOT_PENDING : SourceTable.Phase.STREAMING)
                .orElse(SourceTable.Phase.STREAMING);
    }

    private static Long rowsDone(String table, SourceTable.Phase phase, SourceOffsets offsets) {
        return phase == SourceTable.Phase.SNAPSHOT_RUNNING ? offsets.snapshot().orElseThrow().rowsDone() : null;
    }

    /** Topic to table, sorted by topic; the names the offsets give win over those read from topic names. */
    private static Map<String, String> tables(String topicPrefix, SourceOffsets offsets, Set<String> topicNames) {
        Map<String, String> tables = new TreeMap<>();
        String start = topicPrefix + ".";
        for (String topic : topicNames) {
            String rest = topic.startsWith(start) ? topic.substring(start.length()) : "";
            if (rest.indexOf('.') > 0 && rest.indexOf('.') == rest.lastIndexOf('.') && !rest.endsWith(".")) {
                tables.put(topic, rest);
            }
        }
        List<String> named = new ArrayList<>(offsets.historyTables());
        offsets.snapshot().ifPresent(s -> named.addAll(s.remainingTables()));
        named.forEach(table -> tables.put(start + NOT_IN_TOPIC_NAMES.matcher(table).replaceAll("_"), table));
        return tables;
    }

    private static Set<String> sinkTopics(Map<String, String> config, Set<String> topicNames) {
        Set<String> topics = new TreeSet<>();
        String list = config.getOrDefault("topics", "");
        if (!list.isBlank()) {
            for (String topic : list.split(",")) {
                if (!topic.isBlank()) {
                    topics.add(topic.trim());
                }
            }
            return topics;
        }
        String regex = config.getOrDefault("topics.regex", "");
        if (!regex.isBlank()) {
            Pattern pattern = Pattern.compile(regex);
            topicNames.stream().filter(t -> pattern.matcher(t).matches()).forEach(topics::add);
        }
        return topics;
    }

    private static Map<TopicPartition, TopicView.OffsetRange> partitionsOf(String topic, Map<TopicPartition, TopicView.OffsetRange> ranges) {
        Map<TopicPartition, TopicView.OffsetRange> partitions = new HashMap<>();
        ranges.forEach((partition, range) -> {
            if (partition.topic().equals(topic)) {
                partitions.put(partition, range);
            }
        });
        return partitions;
    }
}
