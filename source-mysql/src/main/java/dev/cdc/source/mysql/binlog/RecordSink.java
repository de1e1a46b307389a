package dev.cdc.source.mysql.binlog;

import org.apache.kafka.connect.source.SourceRecord;

/** Where the binlog reader puts its records: the task's queue, which may block (backpressure). */
@FunctionalInterface
public interface RecordSink {
    void accept(SourceRecord record) throws InterruptedException;
}
