package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdc.core.testing.MutableClock;

class SnapshotLogTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SnapshotProgress progress = new SnapshotProgress(clock, Duration.ofSeconds(10));
    private final SnapshotLog log = new SnapshotLog(progress, SnapshotLog.DEFAULT_INTERVAL);

    @BeforeEach
    void start() {
        progress.snapshotStarted(Map.of("db.t", 100_000L));
        progress.tableStarted("db.t");
    }

    @Test
    void stepsAreNumbered() {
        assertThat(log.step("reading the table list")).isEqualTo("Snapshot step 1: reading the table list");
        assertThat(log.step("snapshotting db.t in chunks of 10,000 rows"))
                .isEqualTo("Snapshot step 2: snapshotting db.t in chunks of 10,000 rows");
        assertThat(log.currentStep()).isEqualTo(2);
    }

    @Test
    void theProgressLineShowsRowsPercentRateAndEta() {
        log.step("one");
        log.step("two");
        log.step("three");
        for (int second = 0; second < 5; second++) {
            clock.advance(Duration.ofSeconds(1));
            progress.rowsScanned("db.t", 9_000);
        }
        progress.estimate("db.t", 100_000);

        assertThat(log.progressLine("db.t")).isEqualTo("Snapshot step 3: table db.t 45,000/100,000 rows (45%), 9,000 rows/s, ETA 7s");
    }

    @Test
    void progressIsLoggedAtMostEveryInterval() {
        clock.advance(Duration.ofSeconds(9));
        assertThat(log.progressIfDue("db.t")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(log.progressIfDue("db.t")).isPresent();
        assertThat(log.progressIfDue("db.t")).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        assertThat(log.progressIfDue("db.t")).isPresent();
    }

    @Test
    void anUnknownEstimateShowsAQuestionMark() {
        progress.estimate("db.t", 0);

        assertThat(log.progressLine("db.t")).isEqualTo("Snapshot step 0: table db.t 0/? rows, 0 rows/s, ETA unknown");
    }

    @Test
    void durationsAreShort() {
        assertThat(SnapshotLog.duration(OptionalLong.of(4))).isEqualTo("4s");
        assertThat(SnapshotLog.duration(OptionalLong.of(125))).isEqualTo("2m05s");
        assertThat(SnapshotLog.duration(OptionalLong.of(3_720))).isEqualTo("1h02m");
        assertThat(SnapshotLog.duration(OptionalLong.empty())).isEqualTo("unknown");
    }
}
