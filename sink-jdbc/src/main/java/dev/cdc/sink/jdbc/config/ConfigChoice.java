package dev.cdc.sink.jdbc.config;

/** An enum constant that users write in a config value, e.g. {@code record_key}. */
public interface ConfigChoice {
    /** The value as written in the config, lower case. */
    String configValue();
}
