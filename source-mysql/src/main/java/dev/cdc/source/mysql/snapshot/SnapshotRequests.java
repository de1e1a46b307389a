package dev.cdc.source.mysql.snapshot;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.ChunkKeyCodec;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.offset.OffsetContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes up snapshot requests that arrive while the task runs (an {@code execute-snapshot} signal):
 * the tables join the snapshot state kept in the offsets, after those already queued (a new
 * snapshot when none runs), and the snapshot thread is woken. Called by the binlog reader holding
 * the emitter's lock, so the change reaches every offset from the signal on.
 *
 * <p>A signal is taken up once: its id goes into the offsets ({@link OffsetContext#SIGNAL_ID}),
 * and the same id seen again (the binlog read again after a restart) is ignored.
 */
public final class SnapshotRequests {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRequests.class);

    private final OffsetContext offsets;
    private final Runnable wakeSnapshot;

    public SnapshotRequests(OffsetContext offsets, Runnable wakeSnapshot) {
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.wakeSnapshot = requireNonNull(wakeSnapshot, "wakeSnapshot is null");
    }

    /**
     * Queues the tables of a request. Hold the emitter's lock.
     *
     * @return the tables added to the snapshot (those not queued already); empty when the request was taken up before
     */
    public List<TableId> request(String requestId, List<TableId> tables) {
        requireNonNull(requestId, "requestId is null");
        if (offsets.signalId().equals(Optional.of(requestId))) {
            LOG.info("Signal {}: already taken up (the binlog is read again after a restart); the snapshot state in the offsets goes on",
                    requestId);
            return List.of();
        }
        Optional<SnapshotState> current = offsets.snapshot();
        List<String> queued = current.map(SnapshotState::remainingTables).orElse(List.of());
        List<TableId> added = tables.stream().distinct().filter(table -> !queued.contains(table.toString())).toList();
        offsets.signalTakenUp(requestId);
        if (added.isEmpty()) {
            LOG.info("Signal {}: {} already queued for the snapshot in progress", requestId, tables.stream().map(TableId::displayName).toList());
            return List.of();
        }
        List<String> names = added.stream().map(TableId::toString).toList();
        offsets.snapshot(current.map(state -> withMoreTables(state, names)).orElseGet(() -> SnapshotState.start(names)));
        LOG.info("Signal {}: snapshot of {} {}", requestId, added.stream().map(TableId::displayName).toList(),
                current.isPresent() ? "queued after the " + queued.size() + " tables of the snapshot in progress" : "starts while streaming goes on");
        wakeSnapshot.run();
        return added;
    }

    /** {@code state} with more tables after its remaining ones; the current table's progress is kept. */
    static SnapshotState withMoreTables(SnapshotState state, List<String> tables) {
        List<String> all = new ArrayList<>(state.remainingTables());
        all.addAll(tables);
        Map<String, Object> offset = new HashMap<>(state.toOffset());
        offset.put(SnapshotState.TABLES, ChunkKeyCodec.encode(all));
        return SnapshotState.fromOffset(offset).orElseThrow();
    }
}
