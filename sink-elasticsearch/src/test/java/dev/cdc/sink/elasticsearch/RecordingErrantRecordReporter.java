package dev.cdc.sink.elasticsearch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/** A hand-written dead letter queue: keeps every reported record with its error. */
final class RecordingErrantRecordReporter implements ErrantRecordReporter {
    record Report(SinkRecord record, Throwable error) {
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        reports.add(new Report(record, error));
        return CompletableFuture.completedFuture(null);
    }
}
