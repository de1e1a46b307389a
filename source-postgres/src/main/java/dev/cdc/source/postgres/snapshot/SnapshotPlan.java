package dev.cdc.source.postgres.snapshot;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.SnapshotState;

/**
 * What a snapshot reads and at which point of the WAL it stands.
 *
 * @param consistentPoint the LSN streaming starts from after the snapshot
 * @param snapshotName    the snapshot exported by the slot's creation, showing the database exactly at
 *                        {@code consistentPoint}; null when resuming or when the slot existed, and then the
 *                        snapshot is newer than the consistent point and streaming replays the changes made since
 * @param state           the tables still to read and the last finished chunk
 */
public record SnapshotPlan(long consistentPoint, String snapshotName, SnapshotState state) {
    public SnapshotPlan {
        requireNonNull(state, "state is null");
    }

    public boolean exact() {
        return snapshotName != null;
    }
}
