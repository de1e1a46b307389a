package dev.cdc.sink.elasticsearch.config;

/** What an op {@code d} event does. */
public enum DeleteBehavior implements ConfigChoice {
    /** Index a tombstone document {@code {"__cdc_deleted":true}} carrying the delete's version; readers of the alias do not see it; a late older write can never resurrect the row. */
    TOMBSTONE("tombstone"),
    /** A versioned ES delete: a late older write arriving after the index's {@code gc_deletes} window (60 s) resurrects the row. */
    DELETE("delete");

    private final String configValue;

    DeleteBehavior(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
