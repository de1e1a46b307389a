package dev.cdc.sink.elasticsearch.config;

/** How a Connect string is mapped. */
public enum StringMapping implements ConfigChoice {
    /** Full-text {@code text} with a {@code keyword} sub-field {@code .keyword} (ignore_above 256), as ES's dynamic mapping does. */
    TEXT_KEYWORD("text_keyword"),
    /** Full-text {@code text} only. */
    TEXT("text"),
    /** Exact {@code keyword} only. */
    KEYWORD("keyword");

    private final String configValue;

    StringMapping(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
