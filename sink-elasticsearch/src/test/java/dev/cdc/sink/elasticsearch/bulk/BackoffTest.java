package dev.cdc.sink.elasticsearch.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumWithoutOverflow() {
        Backoff backoff = new Backoff(100, 10_000);
        assertThat(backoff.ceilingMs(0)).isEqualTo(100);
        assertThat(backoff.ceilingMs(1)).isEqualTo(200);
        assertThat(backoff.ceilingMs(6)).isEqualTo(6_400);
        assertThat(backoff.ceilingMs(7)).isEqualTo(10_000);
        assertThat(backoff.ceilingMs(1_000)).isEqualTo(10_000);
        assertThat(new Backoff(0, 0).delayMs(5)).isZero();
    }

    @RepeatedTest(20)
    void jitterStaysBetweenHalfAndAll() {
        assertThat(new Backoff(100, 10_000).delayMs(3)).isBetween(400L, 800L);
    }
}
