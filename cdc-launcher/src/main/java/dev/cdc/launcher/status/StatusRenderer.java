package dev.cdc.launcher.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdc.launcher.connect.ConnectorStatus;
import dev.cdc.launcher.connect.TaskStatus;

/** Renders a {@link StatusReport} for people (aligned text, one line per failure) or scripts (JSON). */
public final class StatusRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusRenderer() {
    }

    public static String text(StatusReport report) {
        StringBuilder out = new StringBuilder();
        if (report.unreachableReason() != null) {
            return out.append("Kafka Connect at ").append(report.connectUrl()).append(": ")
                    .append(report.unreachableReason()).append('\n').toString();
        }
        if (report.connectors().isEmpty()) {
            return out.append("No connectors are deployed on ").append(report.connectUrl())
                    .append(" (bin/cdc quickstart deploys the MySQL to Elasticsearch pipeline)\n").toString();
        }
        out.append(String.format("%-32s %-8s %-10s %s%n", "CONNECTOR", "TYPE", "STATE", "TASKS"));
        for (ConnectorStatus connector : report.connectors()) {
            out.append(String.format("%-32s %-8s %-10s %s%n", connector.name(), nullToDash(connector.type()),
                    connector.state(), tasks(connector)));
            String error = connector.firstError();
            if (error != null) {
                out.append("  last error: ").append(error).append('\n');
            }
            StatusReport.DeadLetters dead = report.deadLetters().get(connector.name());
            if (dead != null) {
                out.append("  dead letter queue ").append(dead.topic()).append(": ")
                        .append(dead.records() == null ? "count unknown (Kafka did not answer)" : String.format("%,d records", dead.records()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static String json(StatusReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("connect_url", report.connectUrl());
        root.put("healthy", report.healthy());
        if (report.unreachableReason() != null) {
            root.put("error", report.unreachableReason());
        }
        ArrayNode connectors = root.putArray("connectors");
        for (ConnectorStatus connector : report.connectors()) {
            ObjectNode node = connectors.addObject();
            node.put("name", connector.name());
            node.put("type", connector.type());
            node.put("class", connector.connectorClass());
            node.put("state", connector.state());
            node.put("last_error", connector.firstError());
            StatusReport.DeadLetters dead = report.deadLetters().get(connector.name());
            if (dead != null) {
                node.putObject("dead_letter_queue").put("topic", dead.topic()).put("records", dead.records());
            }
            ArrayNode tasks = node.putArray("tasks");
            for (TaskStatus task : connector.tasks()) {
                tasks.addObject().put("id", task.id()).put("state", task.state()).put("worker_id", task.workerId())
                        .put("last_error", task.firstLineOfTrace());
            }
        }
        return root.toPrettyString() + "\n";
    }

    private static String tasks(ConnectorStatus connector) {
        if (connector.tasks().isEmpty()) {
            return "none";
        }
        StringBuilder tasks = new StringBuilder();
        for (TaskStatus task : connector.tasks()) {
            if (tasks.length() > 0) {
                tasks.append(", ");
            }
            tasks.append(task.id()).append(':').append(task.state());
        }
        return tasks.toString();
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
