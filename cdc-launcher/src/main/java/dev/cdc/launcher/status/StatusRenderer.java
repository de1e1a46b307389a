package dev.cdc.launcher.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdc.launcher.connect.ConnectorStatus;
import dev.cdc.launcher.connect.TaskStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Renders a {@link StatusReport} for people (aligned text, one line per connector, table, topic
 * and failure) or scripts (JSON, the same facts as fields).
 */
public final class StatusRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MINIMUM_NAME_WIDTH = 30;

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
        String detailLine = "  %-" + nameWidth(report) + "s %s%n";
        out.append(String.format("%-32s %-8s %-10s %s%n", "CONNECTOR", "TYPE", "STATE", "TASKS"));
        for (ConnectorStatus connector : report.connectors()) {
            out.append(String.format("%-32s %-8s %-10s %s%n", connector.name(), nullToDash(connector.type()),
                    connector.state(), tasks(connector)));
            String error = connector.firstError();
            if (error != null) {
                out.append("  last error: ").append(error).append('\n');
            }
            ConnectorDetail detail = report.details().get(connector.name());
            if (detail != null) {
                long pending = detail.tables().stream().filter(t -> t.phase() == SourceTable.Phase.SNAPSHOT_PENDING).count();
                detail.tables().forEach(t -> out.append(String.format(detailLine, "table " + t.table(), describe(t, pending))));
                detail.topics().forEach(t -> out.append(String.format(detailLine, "topic " + t.topic(), describe(t))));
                if (detail.problem() != null) {
                    out.append("  per-table detail: ").append(detail.problem()).append('\n');
                }
            }
            StatusReport.DeadLetters dead = report.deadLetters().get(connector.name());
            if (dead != null) {
                out.append("  dead letter queue ").append(dead.topic()).append(": ")
                        .append(dead.records() == null ? "count unknown (Kafka did not answer)" : String.format("%,d records", dead.records()))
                        .append('\n');
            }
        }
        if (report.kafkaProblem() != null) {
            out.append(report.kafkaProblem()).append(": lag and dead letters left out\n");
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
        if (report.kafkaProblem() != null) {
            root.put("kafka_error", report.kafkaProblem());
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
            ConnectorDetail detail = report.details().get(connector.name());
            if (detail != null) {
                json(detail, node);
            }
        }
        return root.toPrettyString() + "\n";
    }

    private static void json(ConnectorDetail detail, ObjectNode node) {
        if ("source".equals(node.path("type").asText())) {
            ArrayNode tables = node.putArray("tables");
            for (SourceTable table : detail.tables()) {
                tables.addObject().put("table", table.table()).put("topic", table.topic())
                        .put("phase", table.phase().name().toLowerCase(Locale.ROOT))
                        .put("snapshot_rows_done", table.snapshotRowsDone())
                        .put("events_in_topic", table.eventsInTopic())
                        .put("last_change_ts_ms", table.lastChangeMillis())
                        .put("seconds_behind_source", seconds(table.millisBehindSource()))
                        .put("note", table.note());
            }
        }
        if ("sink".equals(node.path("type").asText())) {
            ArrayNode topics = node.putArray("topics");
            for (SinkTopic topic : detail.topics()) {
                topics.addObject().put("topic", topic.topic()).put("target", topic.target())
                        .put("events_behind", topic.eventsBehind())
                        .put("seconds_behind_source", seconds(topic.millisBehindSource()))
                        .put("note", topic.note());
            }
        }
        if (detail.problem() != null) {
            node.put("detail_error", detail.problem());
        }
    }

    static String describe(SourceTable table, long pendingTables) {
        return switch (table.phase()) {
            case SNAPSHOT_RUNNING -> "snapshot running: " + String.format("%,d", table.snapshotRowsDone()) + " rows done"
                    + (table.eventsInTopic() == null ? "" : String.format(" (%,d events in topic)", table.eventsInTopic()))
                    + (pendingTables == 0 ? ", last table" : ", " + pendingTables + (pendingTables == 1 ? " table" : " tables") + " after it");
            case SNAPSHOT_PENDING -> "snapshot pending";
            case STREAMING -> table.lastChangeMillis() == null
                    ? "streaming, " + (table.eventsInTopic() == null ? "" : String.format("%,d events in topic, ", table.eventsInTopic())) + table.note()
                    : "streaming, " + duration(table.millisBehindSource()) + " behind source (last change "
                    + Instant.ofEpochMilli(table.lastChangeMillis()).truncatedTo(ChronoUnit.SECONDS) + ")"
                    + String.format(", %,d events in topic", table.eventsInTopic());
        };
    }

    static String describe(SinkTopic topic) {
        String target = topic.target() == null ? "" : "-> " + topic.target() + ": ";
        if (topic.eventsBehind() == null) {
            return target + topic.note();
        }
        String events = String.format("%,d events behind", topic.eventsBehind());
        if (topic.eventsBehind() == 0) {
            return target + events;
        }
        return target + events + ", " + (topic.millisBehindSource() == null ? topic.note()
                : "oldest " + duration(topic.millisBehindSource()) + " behind source");
    }

    /** 0.4 s, 12 s, 3 min 5 s, 2 h 10 min, 3 d 4 h. */
    static String duration(long millis) {
        long seconds = millis / 1000;
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }

    private static int nameWidth(StatusReport report) {
        int width = MINIMUM_NAME_WIDTH;
        for (ConnectorDetail detail : report.details().values()) {
            for (SourceTable table : detail.tables()) {
                width = Math.max(width, "table ".length() + table.table().length());
            }
            for (SinkTopic topic : detail.topics()) {
                width = Math.max(width, "topic ".length() + topic.topic().length());
            }
        }
        return width;
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
