package dev.cdc.core.thread;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes daemon threads named {@code <connector>-<role>} ({@code inventory-binlog-reader}), numbered
 * from the second one on ({@code inventory-snapshot-reader-2}), so a thread dump tells which
 * connector and which part each thread belongs to. An exception that escapes a thread is logged
 * with the thread's name (readers should hand their errors to the queue instead).
 */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String baseName;
    private final AtomicInteger created = new AtomicInteger();

    /**
     * @param connector the connector name or topic prefix
     * @param role      what the threads do, e.g. {@code binlog-reader}
     */
    public NamedThreadFactory(String connector, String role) {
        this.baseName = requireNonNull(connector, "connector is null") + "-" + requireNonNull(role, "role is null");
    }

    @Override
    public Thread newThread(Runnable task) {
        requireNonNull(task, "task is null");
        int number = created.incrementAndGet();
        Thread thread = new Thread(task, number == 1 ? baseName : baseName + "-" + number);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((failed, error) -> LOG.error("Thread {} died", failed.getName(), error));
        return thread;
    }
}
