package dev.cdc.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.source.postgres.config.SnapshotMode;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.server.SlotState;

class StartPlanTest {
    private static final List<String> TABLES = List.of("db.public.a", "db.public.b");
    private static final Optional<SlotState> SLOT = Optional.of(new SlotState("s", "pgoutput", "db", false, 0, 500, 400, "reserved"));

    @Test
    void firstStartCreatesTheSlotAndSnapshots() {
        StartPlan plan = StartPlan.decide(Map.of(), Optional.empty(), SnapshotMode.INITIAL, false, TABLES);

        assertThat(plan.createSlot()).isTrue();
        assertThat(plan.snapshot()).hasValueSatisfying(state -> assertThat(state.remainingTables()).isEqualTo(TABLES));
        assertThat(plan.streamFrom()).isEmpty();
        assertThat(plan.stream()).isTrue();
    }

    @Test
    void offsetAndSlotStream() {
        Map<String, Object> offset = new PostgresOffset(900, 800, 3, 77).toMap();

        StartPlan plan = StartPlan.decide(offset, SLOT, SnapshotMode.INITIAL, false, TABLES);

        assertThat(plan.createSlot()).isFalse();
        assertThat(plan.snapshot()).isEmpty();
        assertThat(plan.streamFrom()).contains(new PostgresOffset(900, 800, 3, 77));
    }

    @Test
    void snapshotInProgressResumes() {
        Map<String, Object> offset = new LinkedHashMap<>(PostgresOffset.at(500).toMap());
        offset.put(PostgresOffset.SNAPSHOT_LSN, 500L);
        SnapshotState state = SnapshotState.start(TABLES).chunkFinished(new dev.cdc.core.snapshot.Chunk(0, null, List.of("10")), 10);
        offset.putAll(state.toOffset());

        StartPlan plan = StartPlan.decide(offset, SLOT, SnapshotMode.INITIAL, false, TABLES);

        assertThat(plan.snapshot()).contains(state);
        assertThat(plan.snapshotLsn()).hasValue(500);
        assertThat(plan.streamFrom()).contains(PostgresOffset.at(500));
    }

    @Test
    void existingSlotWithoutOffsetSnapshotsFreshAndStreamsFromTheSlot() {
        StartPlan plan = StartPlan.decide(Map.of(), SLOT, SnapshotMode.INITIAL, false, TABLES);

        assertThat(plan.createSlot()).isFalse();
        assertThat(plan.snapshot()).isPresent();
        assertThat(plan.streamFrom()).contains(PostgresOffset.at(500));
    }

    @Test
    void noDataNeverSnapshots() {
        assertThat(StartPlan.decide(Map.of(), Optional.empty(), SnapshotMode.NO_DATA, false, TABLES).snapshot()).isEmpty();
        assertThat(StartPlan.decide(Map.of(), Optional.empty(), SnapshotMode.NEVER, false, TABLES).createSlot()).isTrue();
    }

    @Test
    void lostPositionDropsTheSlotAndSnapshotsAgain() {
        StartPlan plan = StartPlan.decide(PostgresOffset.at(100).toMap(), SLOT, SnapshotMode.WHEN_NEEDED, true, TABLES);

        assertThat(plan.dropSlot()).isTrue();
        assertThat(plan.createSlot()).isTrue();
        assertThat(plan.snapshot()).isPresent();
        assertThat(plan.streamFrom()).isEmpty();
    }

    @Test
    void initialOnlyDoesNotStream() {
        assertThat(StartPlan.decide(Map.of(), Optional.empty(), SnapshotMode.INITIAL_ONLY, false, TABLES).stream()).isFalse();
    }
}
