package dev.cdc.source.postgres.stream;

import org.apache.kafka.connect.source.SourceRecord;

/** Where readers put their records: the task's {@code ChangeEventQueue}. */
@FunctionalInterface
public interface RecordSink {
    /** Hands over a record, blocking while the queue is full. */
    void accept(SourceRecord record) throws InterruptedException;
}
