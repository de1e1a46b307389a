package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.errors.CauseChain;
import dev.cdc.core.errors.ErrorKind;
import dev.cdc.sink.elasticsearch.bulk.Backoff;
import dev.cdc.sink.elasticsearch.bulk.Sleeper;
import dev.cdc.sink.elasticsearch.client.ElasticsearchClient;
import dev.cdc.sink.elasticsearch.client.ElasticsearchErrors;
import dev.cdc.sink.elasticsearch.client.ElasticsearchStatusException;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.document.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index and alias requests of the sink, each retried on connection loss, 429 and 5xx like
 * bulk requests; other error statuses are thrown as {@link ElasticsearchStatusException}.
 */
public final class IndexAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(IndexAdmin.class);
    private final ElasticsearchClient client;
    private final Backoff backoff;
    private final int maxRetries;
    private final Sleeper sleeper;

    public IndexAdmin(ElasticsearchClient client, Backoff backoff, int maxRetries, Sleeper sleeper) {
        this.client = requireNonNull(client, "client is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.maxRetries = maxRetries;
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    /** The indexes behind an alias, or empty when there is no such alias. */
    public List<String> aliasIndexes(String alias) {
        EsResponse response = call("reading alias " + alias, "GET", "/_alias/" + encode(alias), null, 404);
        if (response.status() == 404) {
            return List.of();
        }
        return List.copyOf(response.json().keySet());
    }

    /** The mapping of a concrete index: its top-level properties and its {@code _meta}. */
    public IndexMapping mapping(String index) {
        return mapping(index, call("reading the mapping of " + index, "GET", "/" + encode(index) + "/_mapping", null));
    }

    private static IndexMapping mapping(String index, EsResponse response) {
        JsonObject mappings = response.json().getJsonObject(index).getJsonObject("mappings");
        JsonObject properties = mappings.getJsonObject("properties");
        JsonObject meta = mappings.getJsonObject("_meta");
        return new IndexMapping(properties == null ? Map.of() : toMap(properties), meta == null ? Map.of() : toMap(meta));
    }

    /**
     * Creates an index with a mapping and, when {@code alias} is not null, the filtered alias, in
     * one request.
     *
     * @return false when the index exists already (created concurrently by another task)
     */
    public boolean createIndex(String index, String alias, Map<String, Object> properties, Map<String, Object> meta) {
        Map<String, Object> mappings = new LinkedHashMap<>();
        mappings.put("_meta", meta);
        mappings.put("properties", properties);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("mappings", mappings);
        if (alias != null) {
            request.put("aliases", Map.of(alias, AliasFilter.definition()));
        }
        String body = Json.write(request);
        EsResponse response = call("creating index " + index + " behind alias " + alias, "PUT", "/" + encode(index), body, 400);
        if (response.status() == 400) {
            if ("resource_already_exists_exception".equals(response.errorType())) {
                return false;
            }
            throw new ElasticsearchStatusException("creating index " + index + " behind alias " + alias, response);
        }
        LOG.info("Created index {} behind alias {} with {} fields", index, alias, properties.size());
        return true;
    }

    /** Adds fields to a concrete index's mapping. */
    public void putMapping(String index, Map<String, Object> properties) {
        call("adding fields " + properties.keySet() + " to the mapping of " + index, "PUT", "/" + encode(index) + "/_mapping",
                Json.write(Map.of("properties", properties)));
        LOG.info("Added fields {} to the mapping of {}", properties.keySet(), index);
    }

    /** Replaces the {@code _meta} of an index's mapping. */
    public void putMeta(String index, Map<String, Object> meta) {
        call("writing the _meta of " + index, "PUT", "/" + encode(index) + "/_mapping", Json.write(Map.of("_meta", meta)));
    }

    /** Points {@code alias} from {@code from} to {@code to} in one atomic request. */
    public void swapAlias(String alias, String from, String to) {
        List<Object> actions = new ArrayList<>();
        actions.add(Map.of("remove", Map.of("index", from, "alias", alias)));
        Map<String, Object> add = new LinkedHashMap<>(AliasFilter.definition());
        add.put("index", to);
        add.put("alias", alias);
        actions.add(Map.of("add", add));
        call("moving alias " + alias + " from " + from + " to " + to, "POST", "/_aliases", Json.write(Map.of("actions", actions)));
        LOG.info("Alias {} now points at {} instead of {}", alias, to, from);
    }

    public void deleteIndex(String index) {
        call("deleting index " + index, "DELETE", "/" + encode(index), null, 404);
        LOG.info("Deleted index {}", index);
    }

    /** Makes recent writes visible to searches (tests and truncate). */
    public void refresh(String index) {
        call("refreshing " + index, "POST", "/" + encode(index) + "/_refresh", null);
    }

    /** The mapping of an index, or null when there is no such index. */
    public IndexMapping mappingIfExists(String index) {
        EsResponse response = call("reading the mapping of " + index, "GET", "/" + encode(index) + "/_mapping", null, 404);
        return response.status() == 404 ? null : mapping(index, response);
    }

    /** Opens a point in time over an index, kept alive {@code keepAlive} (e.g. {@code 5m}) after each use. */
    public String openPointInTime(String index, String keepAlive) {
        return call("opening a point in time over " + index, "POST", "/" + encode(index) + "/_pit?keep_alive=" + keepAlive, null)
                .json().getString("id");
    }

    /** Closes a point in time; a missing one is not an error. */
    public void closePointInTime(String id) {
        call("closing a point in time", "DELETE", "/_pit", Json.write(Map.of("id", id)), 404);
    }

    /** A {@code _search} without an index in the path (a point-in-time search). */
    public JsonObject search(String body) {
        return call("searching", "POST", "/_search", body).json();
    }

    /** A {@code _mget} of documents by index and {@code _id}; realtime, so it sees every acknowledged write. */
    public JsonObject multiGet(String body) {
        return call("reading documents", "POST", "/_mget", body).json();
    }

    /** Documents in an index, tombstones included. */
    public long count(String index) {
        return call("counting " + index, "GET", "/" + encode(index) + "/_count", null).json().getJsonNumber("count").longValue();
    }

    /** A {@code _bulk} request; the whole request is retried like the other calls, items are the caller's. */
    public EsResponse bulk(String action, byte[] ndjson) {
        for (int retry = 0; ; retry++) {
            Exception failure;
            try {
                EsResponse response = client.bulk(ndjson);
                if (response.isSuccess()) {
                    return response;
                }
                failure = new ElasticsearchStatusException(action, response);
            } catch (IOException e) {
                failure = e;
            }
            retryOrThrow(action, failure, retry);
        }
    }

    /** Whether every node has a module (e.g. {@code mapper-extras} for {@code scaled_float}). */
    public boolean everyNodeHasModule(String module) {
        JsonObject nodes = call("listing modules", "GET", "/_nodes/plugins?filter_path=nodes.*.modules.name", null).json().getJsonObject("nodes");
        if (nodes == null || nodes.isEmpty()) {
            return false;
        }
        return nodes.values().stream().allMatch(node -> {
            JsonArray modules = node.asJsonObject().getJsonArray("modules");
            return modules != null && modules.stream().anyMatch(m -> module.equals(m.asJsonObject().getString("name", "")));
        });
    }

    /**
     * Cluster health, retried like every other call: a task that starts while Elasticsearch
     * restarts waits for it (up to {@code max.retries} with backoff) instead of failing.
     */
    public String awaitHealth() {
        return call("GET /_cluster/health", "GET", "/_cluster/health", null).json().getString("status", "unknown");
    }

    /** Cluster health; throws when Elasticsearch cannot be reached or answers with an error. */
    public String health() throws IOException {
        EsResponse response = client.request("GET", "/_cluster/health", null);
        if (!response.isSuccess()) {
            throw new ElasticsearchStatusException("GET /_cluster/health on " + client.urls(), response);
        }
        return response.json().getString("status", "unknown");
    }

    private EsResponse call(String action, String method, String endpoint, String body, int... acceptedStatuses) {
        for (int retry = 0; ; retry++) {
            Exception failure;
            try {
                EsResponse response = client.request(method, endpoint, body);
                if (response.isSuccess() || contains(acceptedStatuses, response.status())) {
                    return response;
                }
                failure = new ElasticsearchStatusException(action, response);
            } catch (IOException e) {
                failure = e;
            }
            retryOrThrow(action, failure, retry);
        }
    }

    /** Throws when {@code failure} is fatal or retries are exhausted; otherwise waits the backoff. */
    private void retryOrThrow(String action, Exception failure, int retry) {
        if (ElasticsearchErrors.CLASSIFIER.classify(failure) == ErrorKind.FATAL) {
            throw failure instanceof ElasticsearchStatusException status ? status
                    : new ConnectException(action + " on " + client.urls() + ": " + CauseChain.describe(failure), failure);
        }
        if (retry >= maxRetries) {
            throw new ConnectException(action + " on " + client.urls() + " failed " + (retry + 1) + " times (max.retries="
                    + maxRetries + "): " + CauseChain.describe(failure), failure);
        }
        long delay = backoff.delayMs(retry);
        LOG.warn("{} on {} failed ({}); retry {} of {} in {} ms", action, client.urls(), CauseChain.describe(failure),
                retry + 1, maxRetries, delay);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while " + action, e);
        }
    }

    private static boolean contains(int[] statuses, int status) {
        for (int accepted : statuses) {
            if (accepted == status) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toMap(value.asJsonObject());
            case ARRAY -> value.asJsonArray().stream().map(IndexAdmin::toJava).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue() : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> "null";
        };
    }

    /** Top-level properties and {@code _meta} of an index. */
    public record IndexMapping(Map<String, Object> properties, Map<String, Object> meta) {
        public IndexMapping {
            properties = Map.copyOf(properties);
            meta = Map.copyOf(meta);
        }
    }
}
