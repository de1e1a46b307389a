package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The chunk holds keys 1..5 (rows "r1".."r5"); keys 0 and 6..9 are outside it. Each test plays
 * the log between the low and high watermark and checks which chunk rows are emitted.
 */
class WatermarkWindowTest {
    private static final long LOW_WATERMARK = 1_000;

    private final WatermarkWindow<Integer, String> window = new WatermarkWindow<>();

    @Nested
    class ChunkReadBeforeTheStreamReachesTheLowWatermark {
        @BeforeEach
        void readChunk() {
            window.startChunk();
            for (int key = 1; key <= 5; key++) {
                window.addChunkRow(key, "r" + key);
            }
            window.chunkRead();
        }

        @Test
        void withNoChangeInTheWindowEveryRowIsEmittedInKeyOrder() {
            window.lowWatermark(LOW_WATERMARK);

            assertThat(window.highWatermark()).containsExactly("r1", "r2", "r3", "r4", "r5");
        }

        @Test
        void anUpdateInsideTheChunkDropsThatRowBecauseTheStreamEmitsTheNewerImage() {
            window.lowWatermark(LOW_WATERMARK);
            window.streamChange(3);

            assertThat(window.highWatermark()).containsExactly("r1", "r2", "r4", "r5");
        }

        @Test
        void aDeleteInsideTheChunkDropsThatRowSoADeletedRowIsNeverEmitted() {
            window.lowWatermark(LOW_WATERMARK);
            window.streamChange(1);
            window.streamChange(5);

            assertThat(window.highWatermark()).containsExactly("r2", "r3", "r4");
        }

        @Test
        void anInsertDeleteAndReinsertOfTheSameKeyDropsItOnce() {
            window.lowWatermark(LOW_WATERMARK);
            window.streamChange(2);
            window.streamChange(2);
            window.streamChange(2);

            assertThat(window.highWatermark()).containsExactly("r1", "r3", "r4", "r5");
        }

        @Test
        void changesOutsideTheChunkLeaveItsRowsAlone() {
            window.lowWatermark(LOW_WATERMARK);
            window.streamChange(0);
            window.streamChange(6);
            window.streamChange(9);

            assertThat(window.highWatermark()).containsExactly("r1", "r2", "r3", "r4", "r5");
        }

        @Test
        void changesBeforeTheLowWatermarkAreAlreadyInTheChunkAndDropNothing() {
            window.streamChange(2);
            window.streamChange(4);
            window.lowWatermark(LOW_WATERMARK);

            assertThat(window.highWatermark()).containsExactly("r1", "r2", "r3", "r4", "r5");
        }

        @Test
        void aTruncateInsideTheWindowDropsTheWholeChunk() {
            window.lowWatermark(LOW_WATERMARK);
            window.streamTruncate();

            assertThat(window.highWatermark()).isEmpty();
        }

        @Test
        void aTruncateBeforeTheLowWatermarkDropsNothing() {
            window.streamTruncate();
            window.lowWatermark(LOW_WATERMARK);

            assertThat(window.highWatermark()).hasSize(5);
        }

        @Test
        void theLowWatermarkPositionIsKeptForTheSnapshotRows() {
            window.lowWatermark(LOW_WATERMARK);

            assertThat(window.lowWatermarkPosition()).isEqualTo(LOW_WATERMARK);
            assertThat(window.isOpen()).isTrue();
        }
    }

    @Nested
    class ChunkReadWhileTheStreamIsInsideTheWindow {
        @BeforeEach
        void openWindow() {
            window.startChunk();
            window.lowWatermark(LOW_WATERMARK);
        }

        @Test
        void aKeyChangedBeforeItsChunkRowArrivedIsDroppedWhenTheRowArrives() {
            window.streamChange(2);
            window.streamChange(7);
            for (int key = 1; key <= 5; key++) {
                window.addChunkRow(key, "r" + key);
            }
            window.chunkRead();

            assertThat(window.highWatermark()).containsExactly("r1", "r3", "r4", "r5");
        }

        @Test
        void changesInterleavedWithTheChunkReadDropTheirKeysWhicheverCameFirst() {
            window.addChunkRow(1, "r1");
            window.streamChange(1);
            window.streamChange(4);
            window.addChunkRow(2, "r2");
            window.addChunkRow(3, "r3");
            window.addChunkRow(4, "r4");
            window.chunkRead();
            window.streamChange(3);

            assertThat(window.highWatermark()).containsExactly("r2");
        }

        @Test
        void aTruncateWhileTheChunkIsReadDropsRowsReadBeforeAndAfterIt() {
            window.addChunkRow(1, "r1");
            window.streamTruncate();
            window.addChunkRow(2, "r2");
            window.chunkRead();

            assertThat(window.highWatermark()).isEmpty();
        }

        @Test
        void theHighWatermarkBeforeTheChunkWasReadIsAnError() {
            window.addChunkRow(1, "r1");

            assertThatThrownBy(window::highWatermark).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before the chunk was read completely");
        }
    }

    @Test
    void eachChunkStartsEmpty() {
        window.startChunk();
        window.addChunkRow(1, "r1");
        window.chunkRead();
        window.lowWatermark(1);
        window.streamChange(1);
        assertThat(window.highWatermark()).isEmpty();

        window.startChunk();
        window.addChunkRow(1, "r1 again");
        window.chunkRead();
        window.lowWatermark(2);

        assertThat(window.highWatermark()).containsExactly("r1 again");
        assertThat(window.bufferedRows()).isZero();
        assertThat(window.isOpen()).isFalse();
    }

    @Test
    void aClosedWindowIgnoresStreamChanges() {
        window.startChunk();
        window.addChunkRow(1, "r1");
        window.chunkRead();

        window.streamChange(1);

        assertThat(window.bufferedRows()).isEqualTo(1);
    }

    @Test
    void callsOutOfOrderAreErrors() {
        assertThatThrownBy(() -> window.addChunkRow(1, "r1")).hasMessage("addChunkRow() before startChunk()");
        window.startChunk();
        window.chunkRead();
        assertThatThrownBy(() -> window.addChunkRow(1, "r1")).hasMessage("chunk row for key 1 after chunkRead()");
        assertThatThrownBy(window::highWatermark).hasMessage("high watermark before the low watermark of the chunk");
    }
}
