package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.snapshot.SnapshotRequests;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the signals the reader finds in the signal table, holding the emitter's lock: watermark
 * rows go to the {@link WatermarkSightings}; {@code execute-snapshot} queues its captured tables
 * ({@link SnapshotRequests}). A signal that cannot be acted on is logged with what was expected and
 * ignored: a bad row in the signal table never stops the connector.
 */
public final class SignalHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SignalHandler.class);
    private static final String EXAMPLE = "{\"data-collections\": [\"inventory.orders\"], \"type\": \"incremental\"}";

    private final WatermarkSightings watermarks;
    private final SnapshotRequests snapshots;
    private final CaptureFilter captured;

    /** @param captured what the connector captures (the signal table excluded) */
    public SignalHandler(WatermarkSightings watermarks, SnapshotRequests snapshots, CaptureFilter captured) {
        this.watermarks = requireNonNull(watermarks, "watermarks is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.captured = requireNonNull(captured, "captured is null");
    }

    /** A signal row inserted by the rows event that starts at {@code position}. Hold the emitter's lock. */
    public void handle(Signal signal, BinlogPosition position) {
        if (signal.isWatermark()) {
            watermarks.sighted(signal.id(), position);
        } else if (Signal.EXECUTE_SNAPSHOT.equals(signal.type())) {
            executeSnapshot(signal, position);
        } else {
            LOG.warn("Signal {} at {} of type '{}' ignored: this connector acts on {} only", signal.id(), position, signal.type(),
                    Signal.EXECUTE_SNAPSHOT);
        }
    }

    private void executeSnapshot(Signal signal, BinlogPosition position) {
        ExecuteSnapshot request;
        try {
            request = ExecuteSnapshot.parse(signal.data());
        } catch (IllegalArgumentException e) {
            LOG.warn("Signal {} at {} ({}) ignored: its data {} is not valid: {}. Expected data like {}", signal.id(), position,
                    Signal.EXECUTE_SNAPSHOT, signal.data(), e.getMessage(), EXAMPLE);
            return;
        }
        List<TableId> tables = request.tables().stream().filter(this::isCaptured).toList();
        List<TableId> refused = request.tables().stream().filter(table -> !isCaptured(table)).toList();
        if (!refused.isEmpty()) {
            LOG.warn("Signal {} at {} ({}): {} not snapshotted: not captured by this connector ({}), or the signal table itself",
                    signal.id(), position, Signal.EXECUTE_SNAPSHOT, refused.stream().map(TableId::displayName).toList(), captured);
        }
        if (tables.isEmpty()) {
            return;
        }
        snapshots.request(signal.id(), tables);
    }

    private boolean isCaptured(TableId table) {
        return captured.isTableCaptured(table.catalog().orElseThrow(), table.table());
    }
}
