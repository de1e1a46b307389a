package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdc.launcher.connect.ConnectClient;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a MySQL to Elasticsearch pipeline has caught up with the source as it was when
 * {@code verify} started: (1) the source connector's committed offset reaches the binlog position
 * read from {@code SHOW MASTER STATUS} at the start, then (2) the sink connector's consumer group
 * has committed every record of its topics written by then. Anything written later is in flight,
 * which the comparison's rechecks allow for.
 */
final class PipelineCatchUp {
    private final ConnectClient connect;
    private final Admin kafka;

    PipelineCatchUp(ConnectClient connect, Admin kafka) {
        this.connect = requireNonNull(connect, "connect is null");
        this.kafka = requireNonNull(kafka, "kafka is null");
    }

    static BinlogCoordinates masterPosition(Connection mysql) throws SQLException {
        try (Statement statement = mysql.createStatement(); ResultSet rs = statement.executeQuery("SHOW MASTER STATUS")) {
            if (!rs.next()) {
                throw new SQLException("SHOW MASTER STATUS returned nothing: the binlog is off on this server");
            }
            return new BinlogCoordinates(rs.getString("File"), rs.getLong("Position"));
        }
    }

    /** Waits for both stages; the result says which did not finish in time, and why. */
    Optional<String> await(BinlogCoordinates target, String sourceConnector, String sinkConnector, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BinlogCoordinates committed = null;
        while (true) {
            committed = committedSourcePosition(sourceConnector).orElse(null);
            if (committed != null && committed.compareTo(target) >= 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("source connector " + sourceConnector + " committed " + (committed == null ? "no binlog position" : committed)
                        + ", not yet " + target + ", within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        Map<TopicPartition, Long> ends = endOffsets(sinkTopics(sinkConnector));
        String group = "connect-" + sinkConnector;
        while (true) {
            long lag = lag(group, ends);
            if (lag == 0) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("sink connector " + sinkConnector + " still has " + lag + " records to commit after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private Optional<BinlogCoordinates> committedSourcePosition(String sourceConnector) throws IOException {
        for (JsonNode offset : connect.offsets(sourceConnector)) {
            Optional<BinlogCoordinates> coordinates = BinlogCoordinates.ofOffset(offset.path("offset"));
            if (coordinates.isPresent()) {
                return coordinates;
            }
        }
        return Optional.empty();
    }

    private List<String> sinkTopics(String sinkConnector) throws IOException, InterruptedException {
        Map<String, String> config = connect.config(sinkConnector);
        List<String> topics = new ArrayList<>();
        if (config.containsKey("topics") && !config.get("topics").isBlank()) {
            for (String topic : config.get("topics").split(",")) {
                topics.add(topic.trim());
            }
            return topics;
        }
        Pattern pattern = Pattern.compile(config.getOrDefault("topics.regex", "(?!)"));
        try {
            for (String topic : kafka.listTopics().names().get()) {
                if (pattern.matcher(topic).matches()) {
                    topics.add(topic);
                }
            }
        } catch (ExecutionException e) {
            throw new IOException("cannot list the Kafka topics: " + e.getCause().getMessage(), e.getCause());
        }
        return topics;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws IOException, InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicDescription description : kafka.describeTopics(topics).allTopicNames().get().values()) {
                description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry : kafka.listOffsets(request).all().get().entrySet()) {
                ends.put(entry.getKey(), entry.getValue().offset());
            }
            return ends;
        } catch (ExecutionException e) {
            throw new IOException("cannot read the end offsets of " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private long lag(String group, Map<TopicPartition, Long> ends) throws IOException, InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IOException("cannot read the offsets of consumer group " + group + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
