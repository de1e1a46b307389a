package dev.cdc.sink.elasticsearch;

import dev.cdc.core.errors.CauseChain;
import dev.cdc.sink.elasticsearch.bulk.RejectedItemHandler;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where bad records go. With an errant-record reporter (the worker gives one when the connector
 * has {@code errors.deadletterqueue.topic.name} or {@code errors.log.enable}) the record is
 * reported with the reason and the call waits until the report is written, so the record's offset
 * may be committed after it. When the reporter refuses ({@code errors.tolerance=none}: the worker
 * throws "Tolerance exceeded") or there is no reporter, the task stops with a message naming the
 * topic, partition, offset and the reason. Reports are serialized: the reporter is called from the
 * task thread and the bulk senders.
 */
public final class ErrantRecordRouter implements RejectedItemHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrantRecordRouter.class);
    private final ErrantRecordReporter reporter;

    /** @param reporter the worker's reporter, null when it gives none */
    public ErrantRecordRouter(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public synchronized void rejected(SinkRecord record, String reason) {
        BadRecordException error = new BadRecordException(reason);
        String message = describe(record) + ": " + reason;
        if (reporter == null) {
            throw new ConnectException(message + " (to send such records to a dead letter queue instead, set"
                    + " errors.tolerance=all and errors.deadletterqueue.topic.name)", error);
        }
        try {
            reporter.report(record, error).get();
            LOG.warn("Reported an errant record: {}", message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while reporting " + message, e);
        } catch (ExecutionException e) {
            throw new ConnectException("could not report the errant record " + message + ": " + CauseChain.describe(e.getCause()), e);
        } catch (ConnectException e) {
            throw new ConnectException(message + " (" + e.getMessage() + ")", error);
        }
    }

    /** The record for a bad-record exception's message. */
    public void rejected(SinkRecord record, BadRecordException error) {
        rejected(record, error.getMessage());
    }

    static String describe(SinkRecord record) {
        return "record at topic " + record.originalTopic() + " partition " + record.originalKafkaPartition()
                + " offset " + record.originalKafkaOffset();
    }
}
