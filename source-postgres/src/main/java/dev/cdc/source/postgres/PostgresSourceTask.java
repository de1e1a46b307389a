package dev.cdc.source.postgres;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.Version;
import dev.cdc.source.postgres.snapshot.ReSnapshotHooks;
import dev.cdc.core.queue.ApproximateRecordSize;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.core.thread.NamedThreadFactory;
import dev.cdc.source.postgres.config.PostgresConnectorConfig;
import dev.cdc.source.postgres.event.PostgresOffset;
import dev.cdc.source.postgres.history.OffsetSchemaHistory;
import dev.cdc.source.postgres.stream.ConfirmedLsn;

/**
 * The PostgreSQL source task: one reader thread ({@code <topic.prefix>-postgres-reader}) runs a
 * {@link CaptureSession} (checks, snapshot, streaming) and hands records to {@code poll()} through
 * the {@link ChangeEventQueue}.
 *
 * <ul>
 *   <li>A retriable reader failure (connection lost, server restart) is thrown once from
 *   {@code poll()}; the task then restarts the reader, after a growing pause, from the offset of the
 *   last record it handed to Connect.</li>
 *   <li>{@link #commit()} reads the committed offset back from Connect's offset store and lets the
 *   reader confirm its LSN to the slot: the slot never moves past an offset Kafka does not hold.</li>
 * </ul>
 */
public class PostgresSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSourceTask.class);
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final ConfirmedLsn confirmed = new ConfirmedLsn();
    private final ReSnapshotHooks hooks;
    private PostgresConnectorConfig config;
    private Map<String, String> partition;
    private ChangeEventQueue<SourceRecord> queue;
    private NamedThreadFactory threads;
    private Thread reader;
    private TaskState taskState;
    private Map<String, ?> lastPolledOffset;
    private Duration retryDelay = Duration.ZERO;

    public PostgresSourceTask() {
        this(ReSnapshotHooks.NONE);
    }

    /** A task whose re-snapshots run {@code hooks} between their watermarks; for tests. */
    public PostgresSourceTask(ReSnapshotHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = PostgresConnectorConfig.parse(props);
        String prefix = config.common().topicPrefix();
        partition = PostgresOffset.partition(prefix);
        queue = new ChangeEventQueue<>(prefix, config.common().queue(), ApproximateRecordSize::of, PostgresErrors.CLASSIFIER);
        threads = new NamedThreadFactory(prefix, "postgres-reader");
        taskState = new TaskState(new OffsetSchemaHistory(prefix, partitions -> context.offsetStorageReader().offsets(partitions)));
        LOG.info("Starting PostgreSQL source {} {}: {}", prefix, version(), config);
        startReader(context.offsetStorageReader().offset(partition));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        try {
            List<SourceRecord> records = queue.poll();
            for (SourceRecord record : records) {
                // schema-change records carry the offsets of the schema history's partitions
                if (partition.equals(record.sourcePartition())) {
                    lastPolledOffset = record.sourceOffset();
                }
            }
            if (!records.isEmpty()) {
                retryDelay = Duration.ZERO;
            }
            return records;
        } catch (RetriableException e) {
            retryDelay = retryDelay.isZero() ? FIRST_RETRY_DELAY : min(retryDelay.multipliedBy(2), MAX_RETRY_DELAY);
            LOG.warn("Reader of {} failed, restarting it in {} ms from the last polled offset {}: {}", config.common().topicPrefix(),
                    retryDelay.toMillis(), lastPolledOffset, e.getMessage());
            stopReader();
            startReader(lastPolledOffset != null ? lastPolledOffset : context.offsetStorageReader().offset(partition));
            throw e;
        }
    }

    /** Confirms to the slot the LSN of the offset Connect committed. */
    @Override
    public void commit() {
        try {
            Map<String, Object> committed = context.offsetStorageReader().offset(partition);
            PostgresOffset.from(committed).ifPresent(offset -> confirmed.committed(offset.resumeLsn()));
        } catch (RuntimeException e) {
            // the slot keeps its position; the next commit confirms it
            LOG.warn("Cannot read the committed offset of {} to confirm it to the slot: {}", partition, e.getMessage());
        }
    }

    @Override
    public void stop() {
        stopReader();
    }

    private void startReader(Map<String, ?> offset) {
        CaptureSession session = new CaptureSession(config, offset, queue::enqueue, confirmed, queue::fail, taskState, retryDelay,
                Clock.systemUTC(), hooks);
        reader = threads.newThread(session);
        reader.start();
    }

    private void stopReader() {
        Thread current = reader;
        if (current == null) {
            return;
        }
        current.interrupt();
        try {
            current.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current.isAlive()) {
            LOG.warn("Reader thread {} did not stop within 30 s", current.getName());
        }
        reader = null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
