package dev.cdc.source.postgres.stream;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.kafka.connect.source.SourceRecord;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.source.postgres.replication.Lsn;
import dev.cdc.source.postgres.replication.PgOutputDecoder;
import dev.cdc.source.postgres.snapshot.IncrementalSnapshot;

/**
 * The streaming loop of the reader thread: reads pgoutput messages from the replication stream,
 * hands them to the {@link ChangeStreamHandler}, enqueues heartbeats between transactions, and
 * confirms to the server the LSN of the committed offset ({@link ConfirmedLsn}), never more.
 * Between transactions it lets a running re-snapshot read its next chunk ({@link IncrementalSnapshot}).
 * Runs until the thread is interrupted.
 */
public final class WalStreamReader {
    private static final Logger LOG = LoggerFactory.getLogger(WalStreamReader.class);
    /** How long the loop waits when the server has nothing to send. */
    static final long IDLE_WAIT_MILLIS = 10;

    private final PGReplicationStream stream;
    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private final ChangeStreamHandler handler;
    private final Heartbeat heartbeat;
    private final HeartbeatMessages heartbeatMessages;
    private final RecordSink sink;
    private final ConfirmedLsn confirmed;
    private final IncrementalSnapshot incremental;
    private long confirmedSent;

    public WalStreamReader(PGReplicationStream stream, ChangeStreamHandler handler, Heartbeat heartbeat,
            HeartbeatMessages heartbeatMessages, RecordSink sink, ConfirmedLsn confirmed, IncrementalSnapshot incremental) {
        this.stream = requireNonNull(stream, "stream is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.heartbeatMessages = requireNonNull(heartbeatMessages, "heartbeatMessages is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.confirmed = requireNonNull(confirmed, "confirmed is null");
        this.incremental = requireNonNull(incremental, "incremental is null");
    }

    /** Streams until interrupted. */
    public void run() throws InterruptedException, SQLException {
        while (true) {
            confirmCommitted();
            ByteBuffer buffer = stream.readPending();
            if (buffer == null) {
                heartbeatIfDue();
                incremental.readChunkIfDue();
                Thread.sleep(IDLE_WAIT_MILLIS);
                continue;
            }
            long lsn = stream.getLastReceiveLSN().asLong();
            handler.handle(decoder.decode(buffer), lsn);
            if (!handler.inTransaction()) {
                heartbeatIfDue();
                incremental.readChunkIfDue();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("reader stopped");
            }
        }
    }

    private void heartbeatIfDue() throws InterruptedException, SQLException {
        Optional<SourceRecord> record = heartbeat.recordIfDue(handler::heartbeatOffset);
        if (record.isPresent()) {
            sink.accept(record.get());
            heartbeatMessages.emit();
        }
    }

    private void confirmCommitted() throws SQLException {
        long lsn = confirmed.get();
        if (lsn <= confirmedSent) {
            return;
        }
        LogSequenceNumber value = LogSequenceNumber.valueOf(lsn);
        stream.setFlushedLSN(value);
        stream.setAppliedLSN(value);
        stream.forceUpdateStatus();
        LOG.debug("Confirmed LSN {} to the slot", Lsn.format(lsn));
        confirmedSent = lsn;
    }
}
