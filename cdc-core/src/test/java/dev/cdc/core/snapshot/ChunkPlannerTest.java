package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    @Test
    void evenChunksCoverTheKeyRangeWithOpenEnds() {
        List<Chunk> chunks = ChunkPlanner.evenly(1, 25, 10);

        assertThat(chunks).containsExactly(
                new Chunk(0, null, List.of(11L)),
                new Chunk(1, List.of(11L), List.of(21L)),
                new Chunk(2, List.of(21L), null));
        assertThat(chunks.get(0).isFirst()).isTrue();
        assertThat(chunks.get(2).isLast()).isTrue();
    }

    @Test
    void aRangeSmallerThanAChunkIsOneChunk() {
        assertThat(ChunkPlanner.evenly(5, 5, 1000)).containsExactly(Chunk.wholeTable());
        assertThat(ChunkPlanner.evenly(0, 999, 1000)).containsExactly(Chunk.wholeTable());
        assertThat(ChunkPlanner.evenly(0, 1000, 1000)).hasSize(2);
    }

    @Test
    void extremeKeysDoNotOverflow() {
        List<Chunk> chunks = ChunkPlanner.evenly(Long.MAX_VALUE - 25, Long.MAX_VALUE, 10);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(2).start()).containsExactly(Long.MAX_VALUE - 5);
    }

    @Test
    void tooSparseKeysAreRejectedWithTheAlternative() {
        assertThatThrownBy(() -> ChunkPlanner.evenly(0, Long.MAX_VALUE / 2, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too sparse to split evenly, split by querying boundaries instead");
    }

    @Test
    void badRangesAreRejected() {
        assertThatThrownBy(() -> ChunkPlanner.evenly(10, 1, 10)).hasMessage("largest key 1 is below smallest key 10");
        assertThatThrownBy(() -> ChunkPlanner.evenly(1, 10, 0)).hasMessage("chunk size 0 must be at least 1");
    }

    @Test
    void compositeKeysSplitAtGivenPoints() {
        List<Chunk> chunks = ChunkPlanner.fromSplitPoints(List.of(List.of("eu", 100L), List.of("us", 7L)));

        assertThat(chunks).extracting(Chunk::start).containsExactly(null, List.of("eu", 100L), List.of("us", 7L));
        assertThat(chunks).extracting(Chunk::end).containsExactly(List.of("eu", 100L), List.of("us", 7L), null);
        assertThat(ChunkPlanner.fromSplitPoints(List.of())).containsExactly(Chunk.wholeTable());
    }

    @Test
    void theLastChunkHasNoNext() {
        assertThatThrownBy(() -> Chunk.wholeTable().next(null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("chunk 0 is the last chunk of its table");
    }
}
