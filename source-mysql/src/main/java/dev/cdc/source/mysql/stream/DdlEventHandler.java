package dev.cdc.source.mysql.stream;

import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns a statement of the binlog (DDL, TRUNCATE) into the records it causes. Called on the reader thread. */
public interface DdlEventHandler {
    DdlEventHandler NONE = event -> List.of();

    /** The records to emit for the statement, in order; empty when it concerns no captured table. */
    List<SourceRecord> handle(DdlEvent event) throws Exception;
}
