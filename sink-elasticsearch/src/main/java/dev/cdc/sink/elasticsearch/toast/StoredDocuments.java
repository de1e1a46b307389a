package dev.cdc.sink.elasticsearch.toast;

import dev.cdc.sink.elasticsearch.bulk.DocKey;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.Map;

/** Reads the stored sources of documents; a seam for tests. */
@FunctionalInterface
public interface StoredDocuments {
    /** The sources of the documents that exist, by key; a missing index or document is left out. */
    Map<DocKey, JsonObject> fetch(Collection<DocKey> keys);
}
