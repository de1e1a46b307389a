package dev.cdc.sink.jdbc.write;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the records of each {@code put()} on a writer thread of its own, one {@code put()}'s
 * records at a time and in order, so that the task thread fetches and converts the next records
 * while the target writes the previous ones. At most one batch is in flight: {@link #submit} first
 * waits for the one before, and {@link #awaitWritten} (called by {@code preCommit}, {@code flush}
 * and {@code stop}) waits for it, so every offset Connect commits belongs to a committed change.
 * A retriable failure of a batch (a table that could not be made to fit for a transient reason) is
 * retried on the writer thread with the task's backoff, the whole batch again (writes are guarded by
 * source position, so that is idempotent); any other failure is thrown by the next call.
 */
public final class PipelinedApplier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelinedApplier.class);

    private final Consumer<List<SinkRecord>> apply;
    private final int maxRetries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ExecutorService writer;
    private Future<?> inFlight;

    public PipelinedApplier(Consumer<List<SinkRecord>> apply, int maxRetries, Backoff backoff, Sleeper sleeper, String threadName) {
        this.apply = requireNonNull(apply, "apply is null");
        this.maxRetries = maxRetries;
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        requireNonNull(threadName, "threadName is null");
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for the batch in flight (throwing its failure), then hands these records to the writer. */
    public void submit(Collection<SinkRecord> records) {
        awaitWritten();
        List<SinkRecord> batch = List.copyOf(records);
        inFlight = writer.submit(() -> applyWithRetries(batch));
    }

    /** Waits until every submitted record is written and committed; throws the failure of the last batch. */
    public void awaitWritten() {
        Future<?> pending = inFlight;
        if (pending == null) {
            return;
        }
        inFlight = null;
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the writer thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConnectException(cause);
        }
    }

    private void applyWithRetries(List<SinkRecord> batch) {
        for (int attempt = 0; ; attempt++) {
            try {
                apply.accept(batch);
                return;
            } catch (RetriableException e) {
                if (attempt >= maxRetries) {
                    throw new ConnectException(e.getMessage() + " (gave up after " + attempt + " retries)", e);
                }
                long delay = backoff.delayMillis(attempt);
                LOG.warn("{}; applying the batch of {} records again in {} ms (retry {} of {})", e.getMessage(), batch.size(), delay,
                        attempt + 1, maxRetries);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ConnectException("interrupted while waiting to retry", interrupted);
                }
            }
        }
    }

    /** Stops the writer thread, interrupting a batch in flight (its offsets are not committed). */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The writer thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
