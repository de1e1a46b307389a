package dev.cdc.sink.elasticsearch.bulk;

import static java.util.Objects.requireNonNull;

/** A document: concrete index and {@code _id}. */
public record DocKey(String index, String id) {
    public DocKey {
        requireNonNull(index, "index is null");
        requireNonNull(id, "id is null");
    }

    @Override
    public String toString() {
        return index + "/" + id;
    }
}
