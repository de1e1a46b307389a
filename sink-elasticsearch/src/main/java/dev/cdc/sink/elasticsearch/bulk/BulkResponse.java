package dev.cdc.sink.elasticsearch.bulk;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-item results of a successful {@code _bulk} response, in request order. A response whose
 * {@code errors} flag is false is not parsed further: every item succeeded.
 */
public final class BulkResponse {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private BulkResponse() {
    }

    /** One item's status and error. */
    public record ItemResult(int status, String errorType, String errorReason) {
        public static final ItemResult OK = new ItemResult(200, "", "");
    }

    /**
     * The results of the {@code itemCount} items of a 2xx bulk response.
     *
     * @throws IllegalStateException when the response does not hold one result per item
     */
    public static List<ItemResult> items(EsResponse response, int itemCount) {
        if (!hasErrors(response.body())) {
            return java.util.Collections.nCopies(itemCount, ItemResult.OK);
        }
        JsonArray items = response.json().getJsonArray("items");
        if (items == null || items.size() != itemCount) {
            throw new IllegalStateException("the _bulk response has " + (items == null ? "no" : items.size())
                    + " items for " + itemCount + " actions");
        }
        List<ItemResult> results = new ArrayList<>(itemCount);
        for (JsonValue item : items) {
            JsonObject action = item.asJsonObject();
            JsonObject result = action.getJsonObject(action.keySet().iterator().next());
            JsonValue error = result.get("error");
            if (error instanceof JsonObject errorObject) {
                results.add(new ItemResult(result.getInt("status"), errorObject.getString("type", ""), EsResponse.describe(errorObject)));
            } else {
                results.add(new ItemResult(result.getInt("status"), "", ""));
            }
        }
        return results;
    }

    /** Reads the top-level {@code errors} flag without parsing the items. */
    static boolean hasErrors(String body) {
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            int depth = 0;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1 && parser.getString().equals("errors")) {
                            return parser.next() == JsonParser.Event.VALUE_TRUE;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return true;
    }
}
