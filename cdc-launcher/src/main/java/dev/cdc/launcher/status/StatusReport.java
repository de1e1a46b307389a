package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectorStatus;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/cdc status} shows: every connector with its tasks, or why they could not be
 * read; per connector its tables (source) or topics (sink) with snapshot progress or lag, and its
 * dead letter queue; and why Kafka could not be asked, if it could not ({@code kafkaProblem}).
 * Health, hence the exit code, is Connect's alone.
 */
public record StatusReport(String connectUrl, List<ConnectorStatus> connectors, Map<String, DeadLetters> deadLetters,
                           Map<String, ConnectorDetail> details, String kafkaProblem, String unreachableReason) {
    public StatusReport {
        requireNonNull(connectUrl, "connectUrl is null");
        connectors = List.copyOf(connectors);
        deadLetters = Map.copyOf(deadLetters);
        details = Map.copyOf(details);
    }

    public StatusReport(String connectUrl, List<ConnectorStatus> connectors, Map<String, DeadLetters> deadLetters,
                        String unreachableReason) {
        this(connectUrl, connectors, deadLetters, Map.of(), null, unreachableReason);
    }

    public StatusReport(String connectUrl, List<ConnectorStatus> connectors, String unreachableReason) {
        this(connectUrl, connectors, Map.of(), unreachableReason);
    }

    static StatusReport unreachable(String connectUrl, String reason) {
        return new StatusReport(connectUrl, List.of(), Map.of(), reason);
    }

    /** A sink's dead letter queue topic and how many records it holds (null when unknown). */
    public record DeadLetters(String topic, Long records) {
        public DeadLetters {
            requireNonNull(topic, "topic is null");
        }
    }

    /** True when Connect answered and every connector and task runs. */
    public boolean healthy() {
        return unreachableReason == null && connectors.stream().allMatch(ConnectorStatus::healthy);
    }
}
