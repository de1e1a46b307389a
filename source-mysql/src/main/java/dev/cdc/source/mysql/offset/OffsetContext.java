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

    private final String onDemandId;
    private volatile SnapshotState snapshot;

    public OffsetContext(SnapshotState snapshot) {
        this(snapshot, null);
    }

    /** @param onDemandId the on-demand snapshot id to keep in every offset; null for none */
    public OffsetContext(SnapshotState snapshot, String onDemandId) {
        this.snapshot = snapshot;
        this.onDemandId = onDemandId;
    }

    /** The snapshot in progress; empty when none runs or it completed. */
    public Optional<SnapshotState> snapshot() {
        return Optional.ofNullable(snapshot).filter(state -> !state.isComplete());
    }

    public void snapshot(SnapshotState state) {
        this.snapshot = state;
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
        return map;
    }
}
