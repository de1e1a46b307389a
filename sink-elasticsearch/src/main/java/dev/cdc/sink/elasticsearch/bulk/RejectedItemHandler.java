package dev.cdc.sink.elasticsearch.bulk;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Decides about a record Elasticsearch rejected for good (a 4xx other than a version conflict).
 * Returns normally when the record was reported to the errant-record reporter and its offset may
 * be committed; throws a {@link org.apache.kafka.connect.errors.ConnectException} to stop the task.
 */
@FunctionalInterface
public interface RejectedItemHandler {
    void rejected(SinkRecord record, String reason);
}
