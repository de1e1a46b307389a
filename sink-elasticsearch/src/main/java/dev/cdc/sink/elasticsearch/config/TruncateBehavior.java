package dev.cdc.sink.elasticsearch.config;

/** What an op {@code t} event does. */
public enum TruncateBehavior implements ConfigChoice {
    /** Replace the index behind the alias by an empty one that remembers the truncate position, then drop events older than it. */
    RECREATE("recreate"),
    /** Skip truncate events. */
    IGNORE("ignore");

    private final String configValue;

    TruncateBehavior(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
