package dev.cdc.launcher.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsCountsPercentRateAndEta() {
        String line = ProgressBar.render("snapshot", 45_000, 100_000, 11_000);
        assertThat(line).startsWith("snapshot [##############----------------]")
                .contains("45,000/100,000 rows  45%")
                .contains("11,000 rows/s")
                .endsWith("ETA 5s");
    }

    @Test
    void doneIsFullAndNeverBeyondTheTotal() {
        String line = ProgressBar.render("snapshot", 120, 100, 50);
        assertThat(line).contains("[" + "#".repeat(30) + "]").contains("100/100 rows 100%").endsWith("ETA 0s");
    }

    @Test
    void etaInMinutesAndUnknownWhenNothingMoves() {
        assertThat(ProgressBar.eta(125, 1)).isEqualTo("2m05s");
        assertThat(ProgressBar.eta(10, 0)).isEqualTo("?");
    }
}
