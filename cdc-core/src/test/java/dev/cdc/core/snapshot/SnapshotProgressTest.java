package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.core.testing.MutableClock;

class SnapshotProgressTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SnapshotProgress progress = new SnapshotProgress(clock, Duration.ofSeconds(10));

    @BeforeEach
    void start() {
        Map<String, Long> estimates = new LinkedHashMap<>();
        estimates.put("shop.orders", 100_000L);
        estimates.put("shop.lines", 50_000L);
        progress.snapshotStarted(estimates);
        progress.tableStarted("shop.orders");
    }

    @Test
    void tracksRowsPercentRateAndEtaOfATable() {
        for (int second = 0; second < 5; second++) {
            clock.advance(Duration.ofSeconds(1));
            progress.rowsScanned("shop.orders", 9_000);
        }

        TableProgress orders = progress.table("shop.orders");

        assertThat(orders.rowsDone()).isEqualTo(45_000);
        assertThat(orders.percent()).hasValue(45);
        assertThat(orders.rowsPerSecond()).isEqualTo(9_000.0);
        assertThat(orders.etaSeconds()).hasValue(7); // 55,000 / 9,000 = 6.1 -> 7
    }

    @Test
    void theRateFollowsTheSlidingWindowNotTheWholeSnapshot() {
        for (int second = 0; second < 20; second++) {
            clock.advance(Duration.ofSeconds(1));
            progress.rowsScanned("shop.orders", 1_000);
        }
        for (int second = 0; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            progress.rowsScanned("shop.orders", 4_000);
        }

        assertThat(progress.table("shop.orders").rowsPerSecond()).isEqualTo(4_000.0);
        assertThat(progress.rowsPerSecond()).isEqualTo(4_000.0);
    }

    @Test
    void aStalledSnapshotShowsAFallingRate() {
        clock.advance(Duration.ofSeconds(5));
        progress.rowsScanned("shop.orders", 50_000);
        clock.advance(Duration.ofSeconds(20));

        assertThat(progress.rowsPerSecond()).isLessThan(1_000.0);
    }

    @Test
    void theOverallEtaCoversEveryUnfinishedTable() {
        clock.advance(Duration.ofSeconds(10));
        progress.rowsScanned("shop.orders", 100_000);
        progress.tableCompleted("shop.orders");
        progress.tableStarted("shop.lines");

        assertThat(progress.rowsPerSecond()).isEqualTo(10_000.0);
        assertThat(progress.etaSeconds()).hasValue(5);
        assertThat(progress.remainingTableCount()).isEqualTo(1);
        assertThat(progress.totalTableCount()).isEqualTo(2);
        assertThat(progress.rowsScanned()).containsExactly(Map.entry("shop.orders", 100_000L), Map.entry("shop.lines", 0L));
    }

    @Test
    void anUnknownEstimateGivesNoPercentAndNoEta() {
        progress.estimate("shop.orders", 0);
        clock.advance(Duration.ofSeconds(1));
        progress.rowsScanned("shop.orders", 10);

        assertThat(progress.table("shop.orders").percent()).isEmpty();
        assertThat(progress.table("shop.orders").etaSeconds()).isEmpty();
        assertThat(progress.etaSeconds()).isEmpty();
    }

    @Test
    void aTooLowEstimateShows99PercentUntilTheTableCompletes() {
        progress.estimate("shop.orders", 10);
        clock.advance(Duration.ofSeconds(1));
        progress.rowsScanned("shop.orders", 20);

        assertThat(progress.table("shop.orders").percent()).hasValue(99);
        progress.tableCompleted("shop.orders");
        assertThat(progress.table("shop.orders").percent()).hasValue(100);
        assertThat(progress.table("shop.orders").etaSeconds()).hasValue(0);
    }

    @Test
    void completionAndAbortAreReportedWithTheDuration() {
        clock.advance(Duration.ofSeconds(42));
        progress.snapshotCompleted();
        clock.advance(Duration.ofSeconds(100));

        assertThat(progress.running()).isFalse();
        assertThat(progress.completed()).isTrue();
        assertThat(progress.aborted()).isFalse();
        assertThat(progress.durationSeconds()).isEqualTo(42);
        assertThat(progress.etaSeconds()).isEqualTo(OptionalLong.of(0));

        progress.snapshotStarted(Map.of("t", 1L));
        progress.snapshotAborted();
        assertThat(progress.aborted()).isTrue();
        assertThat(progress.etaSeconds()).isEmpty();
    }

    @Test
    void anUnknownTableIsAnError() {
        assertThatThrownBy(() -> progress.rowsScanned("shop.nope", 1))
                .hasMessage("table shop.nope is not part of the snapshot of [shop.orders, shop.lines]");
    }
}
