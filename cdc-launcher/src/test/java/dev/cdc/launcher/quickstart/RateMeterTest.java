package dev.cdc.launcher.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateOverTheWindowForgetsOldSamples() {
        RateMeter meter = new RateMeter(5 * SECOND);
        assertThat(meter.record(0, 0)).isZero();
        assertThat(meter.record(SECOND, 1_000)).isCloseTo(1_000, within(0.001));
        meter.record(2 * SECOND, 2_000);
        // a burst later: the first samples fall out of the 5 s window
        meter.record(8 * SECOND, 2_000);
        assertThat(meter.record(9 * SECOND, 12_000)).isCloseTo(10_000, within(0.001));
    }
}
