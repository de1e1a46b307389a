package dev.cdc.sink.elasticsearch.config;

/** An enum constant that users write in a config value, e.g. {@code text_keyword}. */
public interface ConfigChoice {
    /** The value as written in the config, lower case. */
    String configValue();
}
