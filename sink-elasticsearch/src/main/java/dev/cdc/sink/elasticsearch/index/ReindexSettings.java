package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.Backoff;

/**
 * How reindexes run.
 *
 * @param pageSize     documents per page of the copy ({@code reindex.batch.size})
 * @param maxRetries   retries of a copy request answered 429/5xx
 * @param backoff      waits between those retries
 * @param threadPrefix prefix of the copier threads' names, e.g. {@code es-sink-orders-0}
 * @param dropOldIndex delete the previous index once the alias moved ({@code drop.old.index})
 */
public record ReindexSettings(int pageSize, int maxRetries, Backoff backoff, String threadPrefix, boolean dropOldIndex) {
    public ReindexSettings {
        requireNonNull(backoff, "backoff is null");
        requireNonNull(threadPrefix, "threadPrefix is null");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize " + pageSize + " is below 1");
        }
    }
}
