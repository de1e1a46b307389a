package dev.cdc.source.mysql.offset;

import dev.cdc.core.snapshot.SnapshotState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the two parts of the one offset the connector commits: the streaming part
 * ({@link StreamOffset}) and, while a snapshot runs, its resume state ({@link SnapshotState}).
 * Changed only while holding the emitter's lock (see {@code dev.cdc.source.mysql.stream.RecordEmitter}),
 * so that every record's offset agrees with what was enqueued before it.
 */
public final class OffsetContext {
    /** Offset key of the last on-demand snapshot id the connector took up ({@code snapshot.ondemand.id}). */
    public static final String ONDEMAND_ID = "snapshot_ondemand_id";
    /** Offset key of the last {@code execute-snapshot} signal the connector took up (its row's {@code id}). */
    public static final String SIGNAL_ID = "snapshot_signal_id";

    private final String onDemandId;
    private volatile SnapshotState snapshot;
    private volatile String signalId;

    public OffsetContext(SnapshotState snapshot) {
        this(snapshot, null);
    }

    /** @param onDemandId the on-demand snapshot id to keep in every offset; null for none */
    public OffsetContext(SnapshotState snapshot, String onDemandId) {
        this(snapshot, onDemandId, null);
    }

    /** @param signalId the last {@code execute-snapshot} signal taken up, from the stored offset; null for none */
    public OffsetContext(SnapshotState snapshot, String onDemandId, String signalId) {
        this.snapshot = snapshot;
        this.onDemandId = onDemandId;
        this.signalId = signalId;
    }

    /** The snapshot in progress; empty when none runs or it completed. */
    public Optional<SnapshotState> snapshot() {
        return Optional.ofNullable(snapshot).filter(state -> !state.isComplete());
    }

    public void snapshot(SnapshotState state) {
        this.snapshot = state;
    }

    /** The last {@code execute-snapshot} signal taken up; empty when none. */
    public Optional<String> signalId() {
        return Optional.ofNullable(signalId);
    }

    /** An {@code execute-snapshot} signal was taken up; every offset from now on carries its id. Hold the emitter's lock. */
    public void signalTakenUp(String id) {
        this.signalId = id;
    }

    /** The offset map of a record or heartbeat at {@code stream}, with the current snapshot state. */
    public Map<String, Object> offset(StreamOffset stream) {
        return offset(stream, snapshot);
    }

    /** The offset map with a given snapshot state (null or complete: none). */
    public Map<String, Object> offset(StreamOffset stream, SnapshotState state) {
        Map<String, Object> map = new LinkedHashMap<>(stream.toMap());
        if (state != null && !state.isComplete()) {
            map.putAll(state.toOffset());
        }
        if (onDemandId != null) {
            map.put(ONDEMAND_ID, onDemandId);
        }
        if (signalId != null) {
            map.put(SIGNAL_ID, signalId);
        }
        return map;
    }
}
