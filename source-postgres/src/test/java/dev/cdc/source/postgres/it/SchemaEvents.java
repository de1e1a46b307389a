package dev.cdc.source.postgres.it;

import java.util.List;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventParser;

/** Reads the schema-change events a {@link TaskRunner} collected. */
final class SchemaEvents {
    private SchemaEvents() {
    }

    static String topic(TestDatabase database) {
        return database.name() + ".schema-changes";
    }

    /** Waits until the topic holds {@code count} events and returns them, parsed. */
    static List<SchemaChangeEvent> await(TaskRunner runner, TestDatabase database, int count) {
        return parse(runner.awaitRecords(topic(database), count));
    }

    static List<SchemaChangeEvent> collected(TaskRunner runner, TestDatabase database) {
        return parse(runner.records(topic(database)));
    }

    private static List<SchemaChangeEvent> parse(List<SourceRecord> records) {
        return records.stream().map(record -> SchemaChangeEventParser.parse((Struct) record.value())).toList();
    }
}
