package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.connect.ConnectorStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bin/cdc status [--json]}: connectors and tasks with their state and last error, then per
 * table what Kafka and the committed offsets say (snapshot progress, lag, dead letters). Connect is
 * asked first; when Kafka does not answer, the report says so once and keeps what Connect said.
 */
public final class StatusCommand {
    static final String DEAD_LETTER_TOPIC = "errors.deadletterqueue.topic.name";

    private final ConnectClient connect;
    private final String kafkaBootstrapServers;
    private final Function<String, TopicView> kafka;
    private final Clock clock;

    public StatusCommand(ConnectClient connect, String kafkaBootstrapServers) {
        this(connect, kafkaBootstrapServers, KafkaTopicView::new, Clock.systemUTC());
    }

    StatusCommand(ConnectClient connect, String kafkaBootstrapServers, Function<String, TopicView> kafka, Clock clock) {
        this.connect = requireNonNull(connect, "connect is null");
        this.kafkaBootstrapServers = requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public StatusReport collect() {
        String url = connect.baseUri().toString();
        try {
            List<Deployed> deployed = new ArrayList<>();
            for (String name : connect.connectorNames()) {
                deployed.add(new Deployed(connect.status(name), connect.config(name)));
            }
            return withKafka(url, deployed);
        } catch (IOException e) {
            return StatusReport.unreachable(url, e.getMessage());
        }
    }

    /** Prints the report; the exit code is 0 when everything runs, 1 otherwise. */
    public int run(boolean json, PrintStream out) {
        StatusReport report = collect();
        out.print(json ? StatusRenderer.json(report) : StatusRenderer.text(report));
        return report.healthy() ? 0 : 1;
    }

    /** A deployed connector: its status and configuration. */
    private record Deployed(ConnectorStatus status, Map<String, String> config) {
        String name() {
            return status.name();
        }

        boolean isSource() {
            return "source".equals(status.type());
        }

        boolean isSink() {
            return "sink".equals(status.type());
        }
    }

    private StatusReport withKafka(String url, List<Deployed> deployed) throws IOException {
        List<ConnectorStatus> connectors = deployed.stream().map(Deployed::status).toList();
        Map<String, SourceOffsets> offsets = new HashMap<>();
        Map<String, ConnectorDetail> details = new HashMap<>();
        for (Deployed connector : deployed.stream().filter(Deployed::isSource).toList()) {
            try {
                offsets.put(connector.name(), SourceOffsets.parse(connect.offsets(connector.name())));
            } catch (IOException e) {
                details.put(connector.name(), ConnectorDetail.problem("committed offsets unknown: " + e.getMessage()));
            }
        }
        Map<String, StatusReport.DeadLetters> deadLetters = new HashMap<>();
        String kafkaProblem = null;
        if (!deployed.isEmpty()) {
            try (TopicView view = kafka.apply(kafkaBootstrapServers)) {
                collect(deployed, offsets, new TableDetails(view, clock), view.topicNames(), details, deadLetters);
            } catch (KafkaUnavailableException e) {
                kafkaProblem = e.getMessage();
                withoutKafka(deployed, offsets, details, deadLetters);
            }
        }
        return new StatusReport(url, connectors, deadLetters, details, kafkaProblem, null);
    }

    private static void collect(List<Deployed> deployed, Map<String, SourceOffsets> offsets, TableDetails tables, Set<String> topicNames,
            Map<String, ConnectorDetail> details, Map<String, StatusReport.DeadLetters> deadLetters) throws KafkaUnavailableException {
        for (Deployed connector : deployed) {
            String prefix = connector.config().get("topic.prefix");
            if (connector.isSource() && offsets.containsKey(connector.name())) {
                details.put(connector.name(), prefix == null
                        ? ConnectorDetail.problem("no topic.prefix in its configuration: its tables' topics are unknown")
                        : ConnectorDetail.source(tables.source(prefix, offsets.get(connector.name()), topicNames)));
            } else if (connector.isSink()) {
                details.put(connector.name(), ConnectorDetail.sink(
                        tables.sink(connector.name(), connector.status().connectorClass(), connector.config(), topicNames)));
            }
            String deadLetterTopic = deadLetterTopic(connector);
            if (deadLetterTopic != null) {
                deadLetters.put(connector.name(), new StatusReport.DeadLetters(deadLetterTopic, tables.records(deadLetterTopic)));
            }
        }
    }

    private static void withoutKafka(List<Deployed> deployed, Map<String, SourceOffsets> offsets, Map<String, ConnectorDetail> details,
            Map<String, StatusReport.DeadLetters> deadLetters) {
        for (Deployed connector : deployed) {
            String prefix = connector.config().get("topic.prefix");
            if (prefix != null && offsets.containsKey(connector.name())) {
                details.put(connector.name(), ConnectorDetail.source(
                        TableDetails.sourceWithoutKafka(prefix, offsets.get(connector.name()), "lag unknown without Kafka")));
            } else if (connector.isSink()) {
                details.remove(connector.name());
            }
            String deadLetterTopic = deadLetterTopic(connector);
            if (deadLetterTopic != null) {
                deadLetters.put(connector.name(), new StatusReport.DeadLetters(deadLetterTopic, null));
            }
        }
    }

    private static String deadLetterTopic(Deployed connector) {
        String topic = connector.config().get(DEAD_LETTER_TOPIC);
        return topic == null || topic.isBlank() ? null : topic;
    }
}
