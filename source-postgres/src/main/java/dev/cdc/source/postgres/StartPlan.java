package dev.cdc.source.postgres;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.source.postgres.config.SnapshotMode;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.server.SlotState;

/**
 * What a task does when it starts, decided from the stored offset, the slot and
 * {@code snapshot.mode}. Pure, so every case is unit-tested.
 *
 * @param dropSlot       drop the existing slot first (when_needed recovery of a lost position)
 * @param createSlot     create the slot (exporting its snapshot when a snapshot follows)
 * @param snapshot       the snapshot state to read from, empty when no snapshot runs
 * @param snapshotLsn    the consistent point of a resumed snapshot or of an existing slot, when known
 * @param streamFrom     where streaming starts: the stored offset, or empty to start at the slot's consistent point
 * @param stream         whether the task streams after the snapshot
 */
public record StartPlan(boolean dropSlot, boolean createSlot, Optional<SnapshotState> snapshot, OptionalLong snapshotLsn,
        Optional<PostgresOffset> streamFrom, boolean stream) {

    public StartPlan {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(snapshotLsn, "snapshotLsn is null");
        requireNonNull(streamFrom, "streamFrom is null");
    }

    /**
     * @param storedOffset    the offset the task starts from; empty map when none
     * @param slot            the slot when it exists
     * @param mode            {@code snapshot.mode}
     * @param positionLost    the slot was dropped, invalidated or moved past the offset (the checks let it pass only with when_needed)
     * @param capturedTables  the tables a new snapshot reads, by {@code TableId} string
     */
    public static StartPlan decide(Map<String, ?> storedOffset, Optional<SlotState> slot, SnapshotMode mode, boolean positionLost,
            java.util.List<String> capturedTables) {
        Optional<PostgresOffset> offset = positionLost ? Optional.empty() : PostgresOffset.from(storedOffset);
        boolean slotUsable = slot.isPresent() && !positionLost;
        boolean dropSlot = slot.isPresent() && positionLost;
        OptionalLong snapshotLsn = positionLost ? OptionalLong.empty() : PostgresOffset.snapshotLsn(storedOffset);
        Optional<SnapshotState> inProgress = positionLost ? Optional.empty() : SnapshotState.fromOffset(storedOffset);
        if (offset.isPresent() && inProgress.isPresent() && snapshotLsn.isPresent() && slotUsable) {
            return new StartPlan(false, false, inProgress, snapshotLsn, Optional.of(PostgresOffset.at(snapshotLsn.getAsLong())),
                    mode.streams());
        }
        if (offset.isPresent() && slotUsable) {
            return new StartPlan(false, false, Optional.empty(), OptionalLong.empty(), offset, mode.streams());
        }
        boolean snapshot = mode.snapshotsWithoutOffset();
        OptionalLong slotLsn = slotUsable && slot.get().confirmedFlush().isPresent() ? slot.get().confirmedFlush() : OptionalLong.empty();
        Optional<PostgresOffset> streamFrom = slotLsn.isPresent() ? Optional.of(PostgresOffset.at(slotLsn.getAsLong())) : Optional.empty();
        return new StartPlan(dropSlot, !slotUsable, snapshot ? Optional.of(SnapshotState.start(capturedTables)) : Optional.empty(),
                slotLsn, streamFrom, mode.streams());
    }
}
