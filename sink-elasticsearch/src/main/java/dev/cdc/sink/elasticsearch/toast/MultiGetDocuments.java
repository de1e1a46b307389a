package dev.cdc.sink.elasticsearch.toast;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.bulk.DocKey;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.sink.elasticsearch.index.IndexAdmin;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads documents with {@code _mget} (realtime: it sees every acknowledged write, refreshed or
 * not), {@value #PAGE} a request, retried like the sink's other requests ({@link IndexAdmin}).
 */
public final class MultiGetDocuments implements StoredDocuments {
    static final int PAGE = 500;
    private final IndexAdmin admin;

    public MultiGetDocuments(IndexAdmin admin) {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @Override
    public Map<DocKey, JsonObject> fetch(Collection<DocKey> keys) {
        List<DocKey> all = List.copyOf(keys);
        Map<DocKey, JsonObject> found = new HashMap<>();
        for (int start = 0; start < all.size(); start += PAGE) {
            List<DocKey> page = all.subList(start, Math.min(all.size(), start + PAGE));
            JsonArray docs = admin.multiGet(body(page)).getJsonArray("docs");
            for (int i = 0; i < page.size(); i++) {
                JsonObject doc = docs.getJsonObject(i);
                if (doc.getBoolean("found", false)) {
                    found.put(page.get(i), doc.getJsonObject("_source"));
                } else if (doc.containsKey("error") && !isMissingIndex(doc.get("error"))) {
                    throw new ConnectException("reading document " + page.get(i) + " to keep its unchanged TOAST values failed: "
                            + EsResponse.describe(doc.getJsonObject("error")));
                }
            }
        }
        return found;
    }

    static String body(List<DocKey> keys) {
        StringBuilder body = new StringBuilder("{\"docs\":[");
        for (int i = 0; i < keys.size(); i++) {
            body.append(i == 0 ? "{\"_index\":" : ",{\"_index\":");
            Json.appendString(body, keys.get(i).index());
            body.append(",\"_id\":");
            Json.appendString(body, keys.get(i).id());
            body.append('}');
        }
        return body.append("]}").toString();
    }

    private static boolean isMissingIndex(JsonValue error) {
        return error instanceof JsonObject object && "index_not_found_exception".equals(object.getString("type", ""));
    }
}
