package dev.cdc.launcher.sample;

/** How many rows each sample table gets. */
public record SampleSizes(int customers, int products, int orders) {
    public SampleSizes {
        if (customers < 1 || products < 1 || orders < 1) {
            throw new IllegalArgumentException("sample sizes must be positive: customers=" + customers
                    + ", products=" + products + ", orders=" + orders);
        }
    }

    /** One customer per ten orders, one product per hundred, at least one of each. */
    public static SampleSizes forOrders(int orders) {
        if (orders < 1) {
            throw new IllegalArgumentException("CDC_SAMPLE_ORDERS=" + orders + " must be at least 1");
        }
        return new SampleSizes(Math.max(1, orders / 10), Math.max(1, orders / 100), orders);
    }
}
