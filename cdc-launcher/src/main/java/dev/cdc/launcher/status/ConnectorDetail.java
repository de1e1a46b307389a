package dev.cdc.launcher.status;

import java.util.List;

/**
 * The per-table part of a connector's status: a source's captured tables, or a sink's topics;
 * {@code problem} says why it is missing or incomplete (null when nothing is).
 */
public record ConnectorDetail(List<SourceTable> tables, List<SinkTopic> topics, String problem) {
    public ConnectorDetail {
        tables = List.copyOf(tables);
        topics = List.copyOf(topics);
    }

    static ConnectorDetail source(List<SourceTable> tables) {
        return new ConnectorDetail(tables, List.of(), null);
    }

    static ConnectorDetail sink(List<SinkTopic> topics) {
        return new ConnectorDetail(List.of(), topics, null);
    }

    static ConnectorDetail problem(String problem) {
        return new ConnectorDetail(List.of(), List.of(), problem);
    }
}
