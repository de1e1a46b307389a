package dev.cdc.sink.elasticsearch.event;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads a record with a non-null value into a {@link ChangeEvent}. The one place that knows the
 * shape of record values; to be backed by cdc-core's envelope reader once it exists.
 */
public interface ChangeEventReader {
    /**
     * @throws dev.cdc.sink.elasticsearch.BadRecordException when the value is not a change event
     */
    ChangeEvent read(SinkRecord record);
}
