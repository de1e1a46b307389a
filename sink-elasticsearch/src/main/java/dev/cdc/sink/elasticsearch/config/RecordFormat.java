package dev.cdc.sink.elasticsearch.config;

/** The shape of the record values. */
public enum RecordFormat implements ConfigChoice {
    /** Change events {@code {before, after, source, op, ts_ms}}, ours or Debezium's. */
    ENVELOPE("envelope"),
    /** Flat rows after an ExtractNewRecordState-style transform; the position comes from a field, deletes from {@code __deleted} / {@code __op} or from tombstones. */
    FLAT("flat");

    private final String configValue;

    RecordFormat(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
