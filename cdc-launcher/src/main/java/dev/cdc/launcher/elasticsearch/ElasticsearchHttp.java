package dev.cdc.launcher.elasticsearch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The few Elasticsearch calls the launcher makes (count, get, search), over plain HTTP and JSON,
 * so that what it reports is exactly what a user's curl would see.
 */
public final class ElasticsearchHttp {
    /**
     * The field of the tombstone documents the Elasticsearch sink leaves for deleted rows (its
     * {@code delete.behavior=tombstone}); the alias hides them from searches, but a GET by id
     * does not apply alias filters, so the launcher treats them as absent itself.
     */
    public static final String TOMBSTONE_FIELD = "__cdc_deleted";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ElasticsearchHttp(URI baseUri) {
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Documents matching {@code query} (a JSON query object) in an index or alias; empty when it does not exist. */
    public Optional<Long> count(String index, String query) throws IOException {
        Response response = send("POST", "/" + encode(index) + "/_count", "{\"query\":" + query + "}");
        if (response.status() == 404 || response.status() == 503) {
            return Optional.empty(); // no such index, or its shards are not allocated yet (just created)
        }
        return Optional.of(response.body().path("count").asLong());
    }

    /** The {@code _source} of a row's document; empty when it, or the index, does not exist or is a tombstone. */
    public Optional<JsonNode> source(String index, String id) throws IOException {
        Response response = send("GET", "/" + encode(index) + "/_doc/" + encode(id), null);
        if (response.status() == 404 || !response.body().path("found").asBoolean()) {
            return Optional.empty();
        }
        JsonNode source = response.body().path("_source");
        return isTombstone(source) ? Optional.empty() : Optional.of(source);
    }

    /** True for the documents the sink keeps for deleted rows. */
    public static boolean isTombstone(JsonNode source) {
        return source.path(TOMBSTONE_FIELD).asBoolean(false);
    }

    /**
     * The live documents among {@code ids}, by id (tombstones and missing ones left out).
     */
    public java.util.Map<String, JsonNode> multiGet(String index, java.util.Collection<String> ids) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        Response response = send("POST", "/" + encode(index) + "/_mget", body.toString());
        java.util.Map<String, JsonNode> found = new java.util.HashMap<>();
        if (response.status() == 404) {
            return found;
        }
        for (JsonNode doc : response.body().path("docs")) {
            if (doc.path("found").asBoolean(false) && !isTombstone(doc.path("_source"))) {
                found.put(doc.path("_id").asText(), doc.path("_source"));
            }
        }
        return found;
    }

    /**
     * Every live document id of an index or filtered alias, in pages of {@code pageSize}, through
     * the scroll API (the distribution has no reindex module, but scroll is core).
     */
    public void forEachIdPage(String index, int pageSize, IdPageConsumer consumer) throws IOException {
        String query = "{\"size\":" + pageSize + ",\"_source\":false,\"sort\":[\"_doc\"],"
                + "\"query\":{\"bool\":{\"must_not\":{\"term\":{\"" + TOMBSTONE_FIELD + "\":true}}}}}";
        Response response = send("POST", "/" + encode(index) + "/_search?scroll=2m", query);
        if (response.status() == 404) {
            return;
        }
        String scrollId = response.body().path("_scroll_id").asText(null);
        try {
            JsonNode hits = response.body().path("hits").path("hits");
            while (hits.size() > 0) {
                java.util.List<String> page = new java.util.ArrayList<>();
                hits.forEach(hit -> page.add(hit.path("_id").asText()));
                consumer.accept(page);
                Response next = send("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}");
                scrollId = next.body().path("_scroll_id").asText(scrollId);
                hits = next.body().path("hits").path("hits");
            }
        } finally {
            if (scrollId != null) {
                send("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scrollId + "\"}");
            }
        }
    }

    /** Receives one page of document ids. */
    @FunctionalInterface
    public interface IdPageConsumer {
        void accept(java.util.List<String> ids) throws IOException;
    }

    /** Runs a search and returns the whole response. */
    public JsonNode search(String index, String body) throws IOException {
        Response response = send("POST", "/" + encode(index) + "/_search", body);
        if (response.status() == 404) {
            throw new IOException("index " + index + " does not exist in Elasticsearch at " + baseUri);
        }
        return response.body();
    }

    /** Makes recent writes visible to search. */
    public void refresh(String index) throws IOException {
        send("POST", "/" + encode(index) + "/_refresh", null);
    }

    private Response send(String method, String path, String body) throws IOException {
        URI uri = baseUri.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("Elasticsearch does not answer at " + baseUri + " (is the stack up? bin/cdc stack up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + uri + " was interrupted", e);
        }
        if (response.statusCode() >= 300 && response.statusCode() != 404 && !(response.statusCode() == 503 && path.endsWith("/_count"))) {
            throw new IOException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        String text = response.body();
        return new Response(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Response(int status, JsonNode body) {
    }
}
