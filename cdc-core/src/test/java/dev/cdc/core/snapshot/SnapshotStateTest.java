package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SnapshotStateTest {
    private static final List<String> TABLES = List.of("shop.orders", "shop.lines");

    @Test
    void aStartedSnapshotIsAtTheFirstChunkOfTheFirstTable() {
        SnapshotState state = SnapshotState.start(TABLES);

        assertThat(state.currentTable()).contains("shop.orders");
        assertThat(state.lastFinishedChunk()).isEqualTo(-1);
        assertThat(state.resumeKey()).isEmpty();
        assertThat(state.nextChunkStart(List.of(1000L))).isEqualTo(Chunk.first(List.of(1000L)));
        assertThat(state.toOffset()).containsOnlyKeys("snapshot_tables", "snapshot_chunk", "snapshot_rows")
                .containsEntry("snapshot_tables", "s:shop.orders,s:shop.lines")
                .containsEntry("snapshot_chunk", -1L);
    }

    @Test
    void aCrashAfterAFinishedChunkResumesAtTheNextChunk() {
        List<Chunk> chunks = ChunkPlanner.evenly(1, 3000, 1000);
        SnapshotState state = SnapshotState.start(TABLES).withMaximumKey(List.of(3000L))
                .chunkFinished(chunks.get(0), 1000)
                .chunkFinished(chunks.get(1), 998);

        Map<String, Object> offset = new HashMap<>(state.toOffset());
        offset.put("file", "mysql-bin.000003");
        SnapshotState restored = SnapshotState.fromOffset(offset).orElseThrow();

        assertThat(restored).isEqualTo(state);
        assertThat(restored.currentTable()).contains("shop.orders");
        assertThat(restored.lastFinishedChunk()).isEqualTo(1);
        assertThat(restored.rowsDone()).isEqualTo(1998);
        assertThat(restored.maximumKey()).contains(List.of(3000L));
        assertThat(restored.nextChunkStart(null)).isEqualTo(chunks.get(2));
    }

    @Test
    void theLastChunkOfATableMovesToTheNextTable() {
        SnapshotState state = SnapshotState.start(TABLES).chunkFinished(Chunk.wholeTable(), 17);

        assertThat(state.currentTable()).contains("shop.lines");
        assertThat(state.lastFinishedChunk()).isEqualTo(-1);
        assertThat(state.rowsDone()).isZero();
        assertThat(state.maximumKey()).isEmpty();
    }

    @Test
    void aCompletedSnapshotStoresNothing() {
        SnapshotState state = SnapshotState.start(TABLES).tableFinished().tableFinished();

        assertThat(state.isComplete()).isTrue();
        assertThat(state.toOffset()).isEmpty();
        assertThat(SnapshotState.fromOffset(Map.of("file", "mysql-bin.000003"))).isEmpty();
        assertThatThrownBy(state::tableFinished).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chunksMustFinishInOrder() {
        List<Chunk> chunks = ChunkPlanner.evenly(1, 3000, 1000);

        assertThatThrownBy(() -> SnapshotState.start(TABLES).chunkFinished(chunks.get(1), 5))
                .hasMessage("chunk 1 of shop.orders finished, but the last finished chunk was -1");
    }

    @Test
    void tableNamesWithCommasSurviveTheOffset() {
        SnapshotState state = SnapshotState.start(List.of("shop.\"a,b\"", "shop.c"));

        assertThat(SnapshotState.fromOffset(state.toOffset()).orElseThrow().remainingTables()).containsExactly("shop.\"a,b\"", "shop.c");
    }

    @Test
    void aDamagedOffsetIsAClearError() {
        assertThatThrownBy(() -> SnapshotState.fromOffset(Map.of("snapshot_tables", "s:t", "snapshot_chunk", 2L)))
                .hasMessage("offset key snapshot_chunk=2 without snapshot_chunk_end: the snapshot state is damaged; "
                        + "restart the snapshot of [t]");
        assertThatThrownBy(() -> SnapshotState.fromOffset(Map.of("snapshot_tables", "s:t", "snapshot_rows", "many")))
                .hasMessage("offset key snapshot_rows=many is damaged: expected a number");
        assertThatThrownBy(() -> SnapshotState.fromOffset(Map.of("snapshot_tables", "t")))
                .hasMessageStartingWith("offset key snapshot_tables=t is damaged");
    }

    @Test
    void offsetKeysListEveryKeyWritten() {
        SnapshotState state = SnapshotState.start(TABLES).withMaximumKey(List.of(9L))
                .chunkFinished(Chunk.first(List.of(5L)), 4);

        assertThat(SnapshotState.OFFSET_KEYS).containsAll(state.toOffset().keySet());
        assertThat(state.toOffset().keySet()).hasSize(5);
    }
}
