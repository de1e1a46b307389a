package dev.cdc.sink.elasticsearch.reindex;

import dev.cdc.sink.elasticsearch.document.Json;
import jakarta.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one page of a point-in-time search in {@code _shard_doc} order, with each hit's
 * {@code _version}: how background jobs walk an index while the task keeps writing to it.
 */
public final class PitPage {
    public static final String KEEP_ALIVE = "5m";

    private PitPage() {
    }

    /**
     * @param query the query (null: every document)
     * @param after the {@code sort} values of the previous page's last hit; null for the first page
     */
    public static String body(int size, String pit, Map<String, Object> query, JsonArray after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", size);
        body.put("version", true);
        body.put("track_total_hits", false);
        body.put("pit", Map.of("id", pit, "keep_alive", KEEP_ALIVE));
        body.put("sort", List.of(Map.of("_shard_doc", "asc")));
        if (query != null) {
            body.put("query", query);
        }
        String text = Json.write(body);
        return after == null ? text : text.substring(0, text.length() - 1) + ",\"search_after\":" + after + "}";
    }
}
