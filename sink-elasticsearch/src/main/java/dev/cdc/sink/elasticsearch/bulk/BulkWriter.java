package dev.cdc.sink.elasticsearch.bulk;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.errors.CauseChain;
import dev.cdc.core.errors.ErrorKind;
import dev.cdc.sink.elasticsearch.bulk.BulkResponse.ItemResult;
import dev.cdc.sink.elasticsearch.client.ElasticsearchErrors;
import dev.cdc.sink.elasticsearch.client.ElasticsearchStatusException;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.config.BulkConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches bulk items into {@code _bulk} requests by count ({@code batch.size}) and bytes
 * ({@code batch.size.bytes}) and sends up to {@code max.in.flight.requests} of them at once.
 *
 * <h2>Concurrency</h2>
 * The task thread fills one batch at a time ({@link #add}, {@link #sendIfLingered},
 * {@link #sendPending}, {@link #awaitAll}); sender threads named {@code <name>-bulk-<n>} send
 * full batches. Two rules keep it correct:
 * <ol>
 *   <li>Per-document order: before a batch is handed to a sender, the task thread waits for every
 *       request in flight that holds one of its documents, so a document is never in two requests
 *       in flight, and its changes reach Elasticsearch in the order of the partition. Within a
 *       batch a document appears once ({@link BulkBatch}).</li>
 *   <li>Backpressure: the task thread takes a permit of a semaphore sized
 *       {@code max.in.flight.requests} per batch; when all are taken, {@code put()} blocks, so
 *       Kafka is consumed no faster than Elasticsearch acknowledges.</li>
 * </ol>
 * A sender retries a failed request, and the items answered 429/5xx, with exponential backoff up
 * to {@code max.retries} times; items settle their records (see {@link OffsetTracker}) only when
 * acknowledged, superseded (409) or reported as rejected. A failure that cannot be retried away
 * is kept and rethrown on the task thread by the next call ({@link #throwIfFailed}); the records
 * of the failed request stay unsettled, so their offsets are never committed.
 */
public final class BulkWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

    private final BulkConfig config;
    private final BulkTransport transport;
    private final RejectedItemHandler rejectedItems;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final String target;
    private final Backoff backoff;
    private final ExecutorService senders;
    private final Semaphore permits;
    private final ConcurrentHashMap<DocKey, CompletableFuture<Void>> inFlightDocuments = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> inFlightRequests = ConcurrentHashMap.newKeySet();
    private final AtomicReference<ConnectException> failure = new AtomicReference<>();
    private BulkBatch batch;

    /**
     * @param name   prefix of the sender threads' names, e.g. {@code es-sink-orders-0}
     * @param target where the requests go, for messages (the connection URLs)
     */
    public BulkWriter(BulkConfig config, BulkTransport transport, RejectedItemHandler rejectedItems, Sleeper sleeper,
            LongSupplier nanoTime, String name, String target) {
        this.config = requireNonNull(config, "config is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.rejectedItems = requireNonNull(rejectedItems, "rejectedItems is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.target = requireNonNull(target, "target is null");
        this.backoff = new Backoff(config.retryBackoffMs(), config.retryBackoffMaxMs());
        this.permits = new Semaphore(config.maxInFlightRequests());
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.maxInFlightRequests(), runnable -> {
            Thread thread = new Thread(runnable, requireNonNull(name, "name is null") + "-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds an item to the current batch, sending the batch when it is full; may block (backpressure). */
    public void add(BulkItem item) {
        requireNonNull(item, "item is null");
        throwIfFailed();
        if (batch != null && !batch.isEmpty() && batch.bytes() + item.size() > config.batchSizeBytes()
                && !batch.keys().contains(item.key())) {
            send();
        }
        if (batch == null) {
            batch = new BulkBatch(nanoTime.getAsLong());
        }
        batch.add(item);
        if (batch.count() >= config.batchSize() || batch.bytes() >= config.batchSizeBytes()) {
            send();
        }
    }

    /** Sends the current batch when it has waited {@code linger.ms}. */
    public void sendIfLingered() {
        throwIfFailed();
        if (batch != null && !batch.isEmpty()
                && nanoTime.getAsLong() - batch.createdNanos() >= TimeUnit.MILLISECONDS.toNanos(config.lingerMs())) {
            send();
        }
    }

    /** Sends the current batch, if any, without waiting for the answer. */
    public void sendPending() {
        throwIfFailed();
        if (batch != null && !batch.isEmpty()) {
            send();
        }
    }

    /** Sends the current batch and waits until every request in flight is answered (a barrier, e.g. before a truncate). */
    public void awaitAll() {
        sendPending();
        for (CompletableFuture<Void> request : List.copyOf(inFlightRequests)) {
            await(request);
        }
        throwIfFailed();
    }

    /**
     * The item of a document in the batch being filled, not sent yet, or null: the change the
     * document will have before any later one of the same document (which folds into it).
     */
    public BulkItem unsent(DocKey key) {
        return batch == null ? null : batch.get(key);
    }

    /**
     * Waits until no request in flight holds any of these documents, so that a read of them sees
     * every change handed over so far that left the current batch (a realtime GET sees acknowledged writes).
     */
    public void awaitDocuments(Collection<DocKey> keys) {
        for (DocKey key : keys) {
            CompletableFuture<Void> holder = inFlightDocuments.get(key);
            if (holder != null) {
                await(holder);
            }
        }
        throwIfFailed();
    }

    /** Rethrows, on the task thread, a failure of a sender. */
    public void throwIfFailed() {
        ConnectException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Requests in flight, for tests and metrics. */
    public int inFlight() {
        return inFlightRequests.size();
    }

    private void send() {
        BulkBatch sending = batch;
        batch = null;
        for (DocKey key : sending.keys()) {
            CompletableFuture<Void> holder = inFlightDocuments.get(key);
            if (holder != null) {
                await(holder);
            }
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for a free bulk request slot", e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<DocKey> keys = List.copyOf(sending.keys());
        keys.forEach(key -> inFlightDocuments.put(key, done));
        inFlightRequests.add(done);
        senders.execute(() -> {
            try {
                deliver(sending.items());
            } catch (ConnectException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                fail(new ConnectException("the bulk sender failed unexpectedly: " + CauseChain.describe(e), e));
            } finally {
                keys.forEach(key -> inFlightDocuments.remove(key, done));
                inFlightRequests.remove(done);
                permits.release();
                done.complete(null);
            }
        });
    }

    private void deliver(List<BulkItem> items) {
        List<BulkItem> remaining = items;
        for (int retry = 0; ; retry++) {
            if (failure.get() != null) {
                return; // the task is failing: do not write behind a failed request
            }
            String problem;
            try {
                EsResponse response = transport.bulk(BulkBatch.body(remaining));
                if (!response.isSuccess()) {
                    throw new ElasticsearchStatusException("_bulk of " + remaining.size() + " actions to " + target, response);
                }
                remaining = settle(remaining, BulkResponse.items(response, remaining.size()));
                if (remaining.isEmpty()) {
                    return;
                }
                problem = remaining.size() + " actions were answered 429 or 5xx";
            } catch (IOException | ElasticsearchStatusException e) {
                if (ElasticsearchErrors.CLASSIFIER.classify(e) == ErrorKind.FATAL) {
                    throw new ConnectException(context(remaining) + ": " + CauseChain.describe(e), e);
                }
                problem = CauseChain.describe(e);
            }
            if (retry >= config.maxRetries()) {
                throw new ConnectException(context(remaining) + ": gave up after " + retry + " retries (max.retries="
                        + config.maxRetries() + "); last error: " + problem);
            }
            long delay = backoff.delayMs(retry);
            LOG.warn("{}; retry {} of {} in {} ms", problem, retry + 1, config.maxRetries(), delay);
            sleep(delay);
        }
    }

    /** Settles acknowledged, superseded and rejected items; returns the items to retry. */
    private List<BulkItem> settle(List<BulkItem> items, List<ItemResult> results) {
        List<BulkItem> retry = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            ItemResult result = results.get(i);
            switch (ItemOutcome.of(result.status(), result.errorType(), item.isVersioned())) {
                case ACKNOWLEDGED, SUPERSEDED -> item.settle();
                case RETRY -> retry.add(item);
                case REJECTED -> {
                    String reason = "Elasticsearch rejected document _id=" + item.key().id() + " in index " + item.key().index()
                            + " with HTTP " + result.status() + ": " + result.errorReason();
                    if (item.isBestEffort()) {
                        LOG.warn("{} (a write to the index being replaced by a reindex; skipped)", reason);
                    } else {
                        rejectedItems.rejected(item.record(), reason);
                    }
                    item.settle();
                }
            }
        }
        return retry;
    }

    private String context(List<BulkItem> items) {
        SinkRecord first = items.get(0).record();
        return "writing " + items.size() + " actions to Elasticsearch at " + target + " (first: topic " + first.originalTopic()
                + " partition " + first.originalKafkaPartition() + " offset " + first.originalKafkaOffset() + ")";
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry a bulk request", e);
        }
    }

    private void fail(ConnectException e) {
        if (failure.compareAndSet(null, e)) {
            LOG.error("Bulk writing failed; the task will stop: {}", e.getMessage());
        }
    }

    private static void await(CompletableFuture<Void> request) {
        try {
            request.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for a bulk request in flight", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ConnectException("a bulk request failed", e.getCause());
        }
    }

    /** Stops the senders, waiting up to {@code timeoutMs} for requests in flight. Unsent items are dropped (not committed). */
    public void close(long timeoutMs) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(5_000);
    }
}
