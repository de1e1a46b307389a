package dev.cdc.sink.jdbc.write;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.errors.CauseChain;

/**
 * Where records the target rejects go. With {@code errors.tolerance=all} and the worker's
 * errant-record reporter, the record is reported with its error and the call waits until the
 * report is written, so the record's offset may be committed after it. The reported error's
 * message carries the SQLSTATE and the record's coordinates; its cause is the original error. Otherwise the task stops
 * with a message naming topic, partition, offset and the SQLSTATE.
 */
public final class ErrantRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ErrantRecords.class);
    private final ErrantRecordReporter reporter;
    private final boolean tolerateAll;

    /** @param reporter the worker's reporter, null when it gives none */
    public ErrantRecords(ErrantRecordReporter reporter, boolean tolerateAll) {
        this.reporter = reporter;
        this.tolerateAll = tolerateAll;
    }

    /**
     * Reports a rejected record, or throws.
     *
     * @throws ConnectException when records may not be skipped
     */
    public void rejected(SinkRecord record, Throwable error) {
        String message = "Record at topic " + record.originalTopic() + " partition " + record.originalKafkaPartition() + " offset "
                + record.originalKafkaOffset() + " was rejected: " + SqlErrors.describe(error);
        if (reporter == null || !tolerateAll) {
            throw new ConnectException(message + " (to send such records to a dead letter queue instead, set errors.tolerance=all "
                    + "and errors.deadletterqueue.topic.name)", error);
        }
        try {
            reporter.report(record, new ConnectException(message, error)).get();
            LOG.warn("{}; sent to the errant-record reporter", message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while reporting: " + message, e);
        } catch (ExecutionException e) {
            throw new ConnectException("could not report the errant record: " + message + ": " + CauseChain.describe(e.getCause()), e);
        }
    }
}
