package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.heartbeat.Heartbeat;
import dev.cdc.core.queue.ChangeEventQueue;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.StreamOffset;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The one way records reach the {@link ChangeEventQueue}, shared by the binlog reader thread and
 * the snapshot thread.
 *
 * <h2>Concurrency</h2>
 * One {@link ReentrantLock} is held by the reader for the whole handling of each binlog event,
 * and by the snapshot thread while it closes a chunk's watermark window and enqueues the chunk's
 * rows. So the two never interleave inside an event, and every record's offset (the stream offset
 * of what was enqueued before it, plus the snapshot state) never passes a record still to come.
 * Enqueueing may block on a full queue while holding the lock; the other thread then waits too,
 * which is the backpressure wanted. {@link #awaitReaderAt} lets the snapshot thread wait, without
 * the lock, until the reader has handled every event before a high watermark.
 */
public final class RecordEmitter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readerProgressed = lock.newCondition();
    private final ChangeEventQueue<SourceRecord> queue;
    private final OffsetContext offsets;
    private final Heartbeat heartbeat;
    private StreamOffset current;
    private BinlogPosition readerPosition;

    /** @param start the offset the stream starts from (what was committed, or the start of a new snapshot) */
    public RecordEmitter(ChangeEventQueue<SourceRecord> queue, OffsetContext offsets, Heartbeat heartbeat, StreamOffset start) {
        this.queue = requireNonNull(queue, "queue is null");
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.current = requireNonNull(start, "start is null");
        this.readerPosition = start.position();
    }

    public void lock() throws InterruptedException {
        lock.lockInterruptibly();
    }

    public void unlock() {
        lock.unlock();
    }

    /** Releases every hold of the lock by the calling thread: a safety net for a thread that ends after a failure. */
    public void releaseIfHeld() {
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    /** Enqueues a captured change (or a schema-change event); the heartbeat interval restarts. Hold the lock. */
    public void emitChange(SourceRecord record) throws InterruptedException {
        queue.enqueue(record);
        heartbeat.changeEmitted();
    }

    /** The stream offset of everything enqueued so far; records and heartbeats from now on start here. Hold the lock. */
    public void advance(StreamOffset offset) {
        current = requireNonNull(offset, "offset is null");
    }

    public StreamOffset current() {
        return current;
    }

    public OffsetContext offsets() {
        return offsets;
    }

    /** The offset map of a record at {@code stream}, with the snapshot state. */
    public Map<String, Object> offset(StreamOffset stream) {
        return offsets.offset(stream);
    }

    /** Enqueues a heartbeat carrying the current offset when one is due. Hold the lock. */
    public void heartbeatIfDue() throws InterruptedException {
        var record = heartbeat.recordIfDue(() -> offsets.offset(current));
        if (record.isPresent()) {
            queue.enqueue(record.get());
        }
    }

    /** The reader handled every event up to {@code position}. Hold the lock. */
    public void readerAt(BinlogPosition position) {
        if (position.isAtOrAfter(readerPosition)) {
            readerPosition = position;
        }
        readerProgressed.signalAll();
    }

    /**
     * Waits until the reader handled every event before {@code target}, then returns holding the
     * lock (the caller unlocks).
     *
     * @return false, without the lock, when the wait timed out
     */
    public boolean awaitReaderAt(BinlogPosition target, Duration timeout) throws InterruptedException {
        return awaitReader(() -> readerPosition.isAtOrAfter(target), timeout);
    }

    /**
     * Waits until {@code reached} holds, tested holding the lock each time the reader finished an
     * event (and every 200 ms), then returns holding the lock (the caller unlocks).
     *
     * @return false, without the lock, when the wait timed out
     */
    public boolean awaitReader(BooleanSupplier reached, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lockInterruptibly();
        while (!reached.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                lock.unlock();
                return false;
            }
            try {
                readerProgressed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                lock.unlock();
                throw e;
            }
        }
        return true;
    }

    public BinlogPosition readerPosition() {
        lock.lock();
        try {
            return readerPosition;
        } finally {
            lock.unlock();
        }
    }
}
