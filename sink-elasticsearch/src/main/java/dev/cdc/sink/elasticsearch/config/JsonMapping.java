package dev.cdc.sink.elasticsearch.config;

/** How a JSON column ({@code io.debezium.data.Json}) is mapped and written. */
public enum JsonMapping implements ConfigChoice {
    /** The JSON text as a string, kept in {@code _source}, not indexed. */
    STRING("string"),
    /** The JSON object embedded in the document, its fields mapped dynamically; a value that is not a JSON object is rejected. */
    OBJECT("object");

    private final String configValue;

    JsonMapping(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
