package dev.cdc.sink.elasticsearch.config;

/** How a Connect {@code Decimal} is mapped and written. */
public enum DecimalMapping implements ConfigChoice {
    /** Exact: a {@code keyword} holding the plain decimal string, e.g. {@code "1234.50"}. */
    KEYWORD("keyword"),
    /** A {@code scaled_float} with {@code scaling_factor = 10^scale}; needs the server's mapper-extras module; exact up to 2^53 / 10^scale. */
    SCALED_FLOAT("scaled_float"),
    /** A {@code double}: inexact beyond 15-17 significant digits. */
    DOUBLE("double");

    private final String configValue;

    DecimalMapping(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
