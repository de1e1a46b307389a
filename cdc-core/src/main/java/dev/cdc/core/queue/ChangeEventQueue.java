package dev.cdc.core.queue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import dev.cdc.core.config.QueueConfig;
import dev.cdc.core.errors.ErrorClassifier;
import dev.cdc.core.errors.ErrorKind;

/**
 * The one bounded queue between a connector's reader threads (binlog/WAL reader, snapshot
 * reader) and {@code SourceTask.poll()}.
 *
 * <h2>Handover contract</h2>
 * <ul>
 *   <li><b>Producers</b> call {@link #enqueue(Object)}. Items are handed to the consumer in
 *   enqueue order. While the queue holds {@code max.queue.size} items, or adding the item would
 *   pass {@code max.queue.size.in.bytes} (when not 0), the producer blocks (backpressure) until
 *   {@link #poll()} makes room; the wait ends early with {@link InterruptedException} when the
 *   producer thread is interrupted (how a task's {@code stop()} ends its reader). An item larger
 *   than the whole byte bound is admitted when the queue is empty, so it cannot block forever.</li>
 *   <li><b>The consumer</b> ({@code poll()}, one thread) calls {@link #poll()}: it returns at once
 *   with up to {@code max.batch.size} items when there are any, otherwise waits up to
 *   {@code poll.interval.ms} for the first one and returns what is there, possibly an empty list.
 *   It does not wait to fill a batch, so latency stays low; under load batches fill by themselves.</li>
 *   <li><b>Errors</b>: a reader thread that fails calls {@link #fail(Throwable)} instead of dying
 *   silently. The error takes its place behind the items enqueued before it: {@code poll()} first
 *   drains those items, then throws the error, classified by the {@link ErrorClassifier}, as a
 *   {@link RetriableException} or a {@link ConnectException} whose message carries the queue state
 *   at the time of the failure. After a failure {@code enqueue} throws {@link IllegalStateException}
 *   until the error was delivered. A retriable error is delivered once and the queue is usable again
 *   (the task restarts its reader); a fatal one is thrown again by every later {@code poll()}.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * One {@link ReentrantLock} guards all state; producers wait on {@code notFull}, the consumer on
 * {@code notEmpty}. Item sizes are computed by the sizer outside the lock. Any number of producers,
 * one consumer.
 *
 * @param <T> the item type, usually {@code SourceRecord}
 */
public final class ChangeEventQueue<T> {
    private final String name;
    private final QueueConfig config;
    private final ToLongFunction<? super T> sizer;
    private final ErrorClassifier classifier;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Sized<T>> items = new ArrayDeque<>();
    private long bytes;
    private Failure failure;
    private ConnectException fatal;

    /**
     * @param name       who owns the queue, for messages: the connector name or topic prefix
     * @param config     the bounds and the poll interval
     * @param sizer      the approximate size in bytes of an item, e.g. {@link ApproximateRecordSize#of};
     *                   not called when {@code max.queue.size.in.bytes} is 0
     * @param classifier decides whether a reader failure is retriable
     */
    public ChangeEventQueue(String name, QueueConfig config, ToLongFunction<? super T> sizer, ErrorClassifier classifier) {
        this.name = requireNonNull(name, "name is null");
        this.config = requireNonNull(config, "config is null");
        this.sizer = requireNonNull(sizer, "sizer is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    /**
     * Adds an item, blocking while the queue is full.
     *
     * @throws InterruptedException  when the calling thread is interrupted while waiting
     * @throws IllegalStateException when a reader failure is waiting to be delivered, or was fatal
     */
    public void enqueue(T item) throws InterruptedException {
        requireNonNull(item, "item is null");
        long size = config.maxQueueSizeInBytes() == 0 ? 0 : Math.max(0, sizer.applyAsLong(item));
        lock.lockInterruptibly();
        try {
            while (true) {
                ensureOpen();
                if (hasRoomFor(size)) {
                    break;
                }
                notFull.await();
            }
            items.addLast(new Sized<>(item, size));
            bytes += size;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max.batch.size} items, waiting up to {@code poll.interval.ms} when there
     * are none.
     *
     * @return the items in enqueue order; empty when none arrived in time; never null
     * @throws RetriableException   a retriable reader failure, after the items before it were taken
     * @throws ConnectException     a fatal reader failure, after the items before it were taken
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public List<T> poll() throws InterruptedException {
        long deadline = System.nanoTime() + config.pollInterval().toNanos();
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                throwFailureIfAny();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return List.of();
                }
                notEmpty.awaitNanos(remaining);
            }
            return drain();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records the failure of a reader thread; {@link #poll()} throws it after the items enqueued
     * before it. A second failure before the first was delivered is attached to it as suppressed.
     */
    public void fail(Throwable error) {
        requireNonNull(error, "error is null");
        lock.lock();
        try {
            if (failure != null) {
                failure.error().addSuppressed(error);
            } else if (fatal == null) {
                failure = new Failure(error, state());
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Number of items waiting. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Approximate bytes of the items waiting (0 when the queue is not bounded by bytes). */
    public long sizeInBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** How many more items fit by count. */
    public int remainingCapacity() {
        return config.maxQueueSize() - size();
    }

    /** The queue's state for messages, e.g. {@code "queue of inventory: 12 of 8192 events, 3400 of 1048576 bytes"}. */
    @Override
    public String toString() {
        lock.lock();
        try {
            return state();
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoomFor(long size) {
        if (items.size() >= config.maxQueueSize()) {
            return false;
        }
        long maxBytes = config.maxQueueSizeInBytes();
        return maxBytes == 0 || items.isEmpty() || bytes + size <= maxBytes;
    }

    private List<T> drain() {
        int count = Math.min(items.size(), config.maxBatchSize());
        List<T> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sized<T> sized = items.removeFirst();
            bytes -= sized.bytes();
            batch.add(sized.item());
        }
        notFull.signalAll();
        return batch;
    }

    private void ensureOpen() {
        if (fatal != null || failure != null) {
            Throwable cause = fatal != null ? fatal : failure.error();
            throw new IllegalStateException("queue of " + name + " no longer accepts events: a reader failed", cause);
        }
    }

    private void throwFailureIfAny() {
        if (fatal != null) {
            throw fatal;
        }
        if (failure == null) {
            return;
        }
        Failure delivered = failure;
        failure = null;
        ConnectException exception = classifier.toConnectException(
                "Reader of " + name + " failed (" + delivered.stateAtFailure() + ")", delivered.error());
        if (classifier.classify(delivered.error()) == ErrorKind.FATAL) {
            fatal = exception;
        }
        notFull.signalAll();
        throw exception;
    }

    private String state() {
        String bytesPart = config.maxQueueSizeInBytes() == 0
                ? "no byte limit"
                : bytes + " of " + config.maxQueueSizeInBytes() + " bytes";
        return "queue of " + name + ": " + items.size() + " of " + config.maxQueueSize() + " events, " + bytesPart
                + ", batches of " + config.maxBatchSize();
    }

    private record Sized<T>(T item, long bytes) {
    }

    private record Failure(Throwable error, String stateAtFailure) {
    }
}
