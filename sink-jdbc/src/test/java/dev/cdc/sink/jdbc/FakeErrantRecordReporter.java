package dev.cdc.sink.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/** Collects reported records, as a worker with errors.tolerance=all and a dead letter queue would. */
public final class FakeErrantRecordReporter implements ErrantRecordReporter {
    /** One report. */
    public record Report(SinkRecord record, Throwable error) {
    }

    private final List<Report> reports = new ArrayList<>();

    @Override
    public synchronized Future<Void> report(SinkRecord record, Throwable error) {
        reports.add(new Report(record, error));
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }
}
