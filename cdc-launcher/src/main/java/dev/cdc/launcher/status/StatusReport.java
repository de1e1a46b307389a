package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectorStatus;
import java.util.List;

/**
 * What {@code bin/cdc status} shows: every connector with its tasks, or why they could not be
 * read.
 */
public record StatusReport(String connectUrl, List<ConnectorStatus> connectors, String unreachableReason) {
    public StatusReport {
        requireNonNull(connectUrl, "connectUrl is null");
        connectors = List.copyOf(connectors);
    }

    static StatusReport unreachable(String connectUrl, String reason) {
        return new StatusReport(connectUrl, List.of(), reason);
    }

    /** True when Connect answered and every connector and task runs. */
    public boolean healthy() {
        return unreachableReason == null && connectors.stream().allMatch(ConnectorStatus::healthy);
    }
}
