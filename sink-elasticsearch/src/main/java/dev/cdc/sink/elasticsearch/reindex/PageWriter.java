package dev.cdc.sink.elasticsearch.reindex;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.BulkResponse;
import dev.cdc.sink.elasticsearch.bulk.BulkResponse.ItemResult;
import dev.cdc.sink.elasticsearch.bulk.ItemOutcome;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes one page of versioned index actions of a background job (a reindex copy, a field
 * backfill) with one {@code _bulk} request, retrying the items answered 429/5xx with backoff, and
 * reports each item's outcome. Runs on the job's thread; stops with a {@link CancellationException}
 * when the job is cancelled.
 */
public final class PageWriter {
    /** What became of each item. */
    public interface Outcomes {
        void acknowledged();

        /** 409: the document has the same or a newer version already. */
        void superseded();

        /** Elasticsearch refused the item for good. */
        void rejected(ItemResult item);
    }

    private final IndexAdmin admin;
    private final int maxRetries;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;

    public PageWriter(IndexAdmin admin, int maxRetries, Backoff backoff, BooleanSupplier cancelled) {
        this.admin = requireNonNull(admin, "admin is null");
        this.maxRetries = maxRetries;
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.cancelled = requireNonNull(cancelled, "cancelled is null");
    }

    /**
     * @param what  the job, for messages ({@code copying into shop.orders_v2})
     * @param items NDJSON action and source lines, one element per document
     */
    public void send(String what, List<byte[]> items, Outcomes outcomes) {
        List<byte[]> remaining = items;
        for (int retry = 0; !remaining.isEmpty(); retry++) {
            checkCancelled(what);
            if (retry > 0) {
                if (retry > maxRetries) {
                    throw new ConnectException(what + ": " + remaining.size() + " documents still answered 429/5xx after " + maxRetries
                            + " retries");
                }
                sleep(backoff.delayMs(retry - 1), what);
            }
            List<ItemResult> results = BulkResponse.items(admin.bulk(what, body(remaining)), remaining.size());
            List<byte[]> retryItems = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ItemResult item = results.get(i);
                switch (ItemOutcome.of(item.status(), item.errorType(), true)) {
                    case ACKNOWLEDGED -> outcomes.acknowledged();
                    case SUPERSEDED -> outcomes.superseded();
                    case RETRY -> retryItems.add(remaining.get(i));
                    case REJECTED -> outcomes.rejected(item);
                }
            }
            remaining = retryItems;
        }
    }

    private void checkCancelled(String what) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " was cancelled");
        }
    }

    private static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(what + " was interrupted");
        }
    }

    private static byte[] body(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(item -> item.length).sum());
        items.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
