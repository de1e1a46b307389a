package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.reindex.DocumentAdapter;

/**
 * The index a reindex copies from, and how the copy rewrites its documents for the new index.
 *
 * @param index   the index being replaced
 * @param adapter rewrites its documents as the new index has them
 */
public record CopySource(String index, DocumentAdapter adapter) {
    public CopySource {
        requireNonNull(index, "index is null");
        requireNonNull(adapter, "adapter is null");
    }
}
