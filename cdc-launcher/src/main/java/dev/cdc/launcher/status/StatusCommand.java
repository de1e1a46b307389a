package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.connect.ConnectorStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code bin/cdc status [--json]}: connectors and tasks with their state and last error. */
public final class StatusCommand {
    static final String DEAD_LETTER_TOPIC = "errors.deadletterqueue.topic.name";

    private final ConnectClient connect;
    private final String kafkaBootstrapServers;

    public StatusCommand(ConnectClient connect, String kafkaBootstrapServers) {
        this.connect = requireNonNull(connect, "connect is null");
        this.kafkaBootstrapServers = requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers is null");
    }

    public StatusReport collect() {
        String url = connect.baseUri().toString();
        try {
            List<ConnectorStatus> connectors = new ArrayList<>();
            Map<String, StatusReport.DeadLetters> deadLetters = new HashMap<>();
            DeadLetterCounter counter = null;
            try {
                for (String name : connect.connectorNames()) {
                    connectors.add(connect.status(name));
                    String topic = connect.config(name).get(DEAD_LETTER_TOPIC);
                    if (topic != null && !topic.isBlank()) {
                        counter = counter == null ? new DeadLetterCounter(kafkaBootstrapServers) : counter;
                        deadLetters.put(name, new StatusReport.DeadLetters(topic, counter.count(topic).orElse(null)));
                    }
                }
            } finally {
                if (counter != null) {
                    counter.close();
                }
            }
            return new StatusReport(url, connectors, deadLetters, null);
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
}
