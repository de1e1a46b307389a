package dev.cdc.sink.elasticsearch;

import dev.cdc.sink.elasticsearch.client.ElasticsearchClient;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.config.ElasticsearchSinkConfig;
import dev.cdc.testkit.TestStack;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads Elasticsearch the way a user would, for assertions; cleans up indexes. */
final class ElasticsearchTestClient implements AutoCloseable {
    private final ElasticsearchClient client = ElasticsearchClient.create(
            ElasticsearchSinkConfig.parse(Map.of("connection.url", TestStack.get().elasticsearchUrl())).connection(), "es-sink-test");

    EsResponse request(String method, String endpoint, String body) {
        try {
            return client.request(method, endpoint, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents readers of the alias see. */
    long count(String alias) {
        request("POST", "/" + alias + "/_refresh", null);
        return request("GET", "/" + alias + "/_count", null).json().getJsonNumber("count").longValue();
    }

    /** A document by id through the alias (alias filters do not apply to GET). */
    JsonObject get(String alias, String id) {
        EsResponse response = request("GET", "/" + alias + "/_doc/" + id, null);
        return response.status() == 404 ? null : response.json();
    }

    /** The hits of a search through the alias, refreshed first. */
    JsonObject search(String alias, String query) {
        request("POST", "/" + alias + "/_refresh", null);
        return request("POST", "/" + alias + "/_search?version=true", query).json().getJsonObject("hits");
    }

    JsonObject mapping(String alias) {
        return request("GET", "/" + alias + "/_mapping", null).json();
    }

    /** Deletes the alias's versioned indexes. */
    void deleteIndexes(String alias) {
        EsResponse indexes = request("GET", "/" + alias + "_v*/_alias", null);
        if (indexes.isSuccess() && !indexes.json().isEmpty()) {
            request("DELETE", "/" + String.join(",", indexes.json().keySet()), null);
        }
    }

    String url() {
        return client.urls();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
