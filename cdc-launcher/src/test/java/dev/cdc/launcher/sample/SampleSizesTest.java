package dev.cdc.launcher.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleSizesTest {

    @Test
    void customersAndProductsFollowTheOrders() {
        assertThat(SampleSizes.forOrders(100_000)).isEqualTo(new SampleSizes(10_000, 1_000, 100_000));
        assertThat(SampleSizes.forOrders(5)).isEqualTo(new SampleSizes(1, 1, 5));
    }

    @Test
    void nonPositiveOrderCountNamesTheSetting() {
        assertThatThrownBy(() -> SampleSizes.forOrders(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CDC_SAMPLE_ORDERS=0");
    }
}
