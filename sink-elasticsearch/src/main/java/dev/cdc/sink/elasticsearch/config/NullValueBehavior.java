package dev.cdc.sink.elasticsearch.config;

/** What a record with a null value (a Kafka tombstone) does, after Confluent's key of the same name. */
public enum NullValueBehavior implements ConfigChoice {
    /** Skip it: in the change-event format a delete event precedes every tombstone. */
    IGNORE("ignore"),
    /** Delete the document with the record's key, unversioned (it carries no source position). */
    DELETE("delete"),
    /** Treat it as a bad record. */
    FAIL("fail");

    private final String configValue;

    NullValueBehavior(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
