package dev.cdc.launcher.connect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** State of one connector and its tasks as the Connect REST API reports it. */
public record ConnectorStatus(String name, String type, String connectorClass, String state, String workerId,
                              String trace, List<TaskStatus> tasks) {
    public ConnectorStatus {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        tasks = List.copyOf(tasks);
    }

    ConnectorStatus(JsonNode connector, String name, String type, String connectorClass, List<TaskStatus> tasks) {
        this(name, type, connectorClass, connector.path("state").asText("UNKNOWN"),
                connector.path("worker_id").asText(null), connector.path("trace").asText(null), tasks);
    }

    /** True when the connector and every task run. */
    public boolean healthy() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** The one-line cause of the first failure of the connector or a task, or null. */
    public String firstError() {
        String own = FailureTraces.cause(trace);
        if (own != null) {
            return own;
        }
        return tasks.stream().map(TaskStatus::firstLineOfTrace).filter(line -> line != null).findFirst().orElse(null);
    }
}
