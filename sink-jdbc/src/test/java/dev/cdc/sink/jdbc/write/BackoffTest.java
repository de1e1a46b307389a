package dev.cdc.sink.jdbc.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximum() {
        Backoff backoff = new Backoff(100, 1_000);
        assertThat(backoff.delayMillis(0)).isEqualTo(100);
        assertThat(backoff.delayMillis(1)).isEqualTo(200);
        assertThat(backoff.delayMillis(3)).isEqualTo(800);
        assertThat(backoff.delayMillis(4)).isEqualTo(1_000);
        assertThat(backoff.delayMillis(200)).isEqualTo(1_000);
        assertThat(new Backoff(0, 0).delayMillis(5)).isZero();
    }

    @Test
    void refusesAnUpsideDownRange() {
        assertThatThrownBy(() -> new Backoff(10, 5)).hasMessage("backoff 10 ms to 5 ms is not a range");
    }
}
