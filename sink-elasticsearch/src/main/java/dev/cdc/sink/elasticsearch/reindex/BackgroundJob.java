package dev.cdc.sink.elasticsearch.reindex;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.errors.CauseChain;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on an index that runs on its own daemon thread, out of the task's write path (a reindex
 * copy, a field backfill): started once, cancellable, its outcome a future the task thread polls.
 * A failure completes the future exceptionally; a cancellation cancels it.
 *
 * @param <T> what the work reports when done
 */
public abstract class BackgroundJob<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJob.class);

    private final String threadName;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private Thread thread;

    protected BackgroundJob(String threadName) {
        this.threadName = requireNonNull(threadName, "threadName is null");
    }

    /** The work, on the job's thread; throws {@link CancellationException} when it notices {@link #isCancelled()}. */
    protected abstract T work();

    /** What the job does, for the failure log ({@code reindex of a_v1 into a_v2}). */
    protected abstract String describe();

    /** Starts the work on a new daemon thread, once. */
    public final synchronized CompletableFuture<T> start() {
        if (thread == null) {
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
        return result;
    }

    public final CompletableFuture<T> result() {
        return result;
    }

    protected final boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Stops the work and waits up to 30 s for its thread. */
    public final void cancel() {
        cancelled = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        result.cancel(false);
    }

    private void run() {
        try {
            result.complete(work());
        } catch (CancellationException e) {
            result.cancel(false);
        } catch (RuntimeException | Error e) {
            if (cancelled) {
                result.cancel(false);
            } else {
                LOG.error("The {} failed: {}", describe(), CauseChain.describe(e));
                result.completeExceptionally(e);
            }
        }
    }
}
