package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

import dev.cdc.launcher.connect.ConnectClient;
import dev.cdc.launcher.connect.ConnectorStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code bin/cdc status [--json]}: connectors and tasks with their state and last error. */
public final class StatusCommand {
    private final ConnectClient connect;

    public StatusCommand(ConnectClient connect) {
        this.connect = requireNonNull(connect, "connect is null");
    }

    public StatusReport collect() {
        String url = connect.baseUri().toString();
        try {
            List<ConnectorStatus> connectors = new ArrayList<>();
            for (String name : connect.connectorNames()) {
                connectors.add(connect.status(name));
            }
            return new StatusReport(url, connectors, null);
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
