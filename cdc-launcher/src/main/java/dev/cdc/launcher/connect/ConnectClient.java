package dev.cdc.launcher.connect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small client of the Kafka Connect REST API: the launcher deploys and inspects connectors
 * through it, exactly as a user would with curl.
 */
public final class ConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;

    public ConnectClient(URI baseUri) {
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Names of the deployed connectors. */
    public List<String> connectorNames() throws IOException {
        List<String> names = new ArrayList<>();
        get("/connectors").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** State of a connector and its tasks. */
    public ConnectorStatus status(String name) throws IOException {
        JsonNode status = get("/connectors/" + encode(name) + "/status");
        JsonNode config = get("/connectors/" + encode(name) + "/config");
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new TaskStatus(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), task.path("trace").asText(null)));
        }
        JsonNode connector = status.path("connector");
        return new ConnectorStatus(connector, status.path("name").asText(), status.path("type").asText(null),
                config.path("connector.class").asText(null), tasks);
    }

    /** The configuration of a connector. */
    public Map<String, String> config(String connector) throws IOException {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        get("/connectors/" + encode(connector) + "/config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    /** The committed source offsets of a source connector: one {partition, offset} object each. */
    public List<JsonNode> offsets(String connector) throws IOException {
        List<JsonNode> offsets = new ArrayList<>();
        get("/connectors/" + encode(connector) + "/offsets").path("offsets").forEach(offsets::add);
        return offsets;
    }

    /** Creates the connector or replaces its configuration (idempotent). */
    public void putConfig(String connector, Map<String, String> config) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        config.forEach(body::put);
        send("PUT", "/connectors/" + encode(connector) + "/config", body.toString());
    }

    /** Deletes the connector; a connector that does not exist is not an error. */
    public void delete(String connector) throws IOException {
        try {
            send("DELETE", "/connectors/" + encode(connector), null);
        } catch (ConnectRestException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) throws IOException {
        URI uri = baseUri.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("Kafka Connect does not answer at " + baseUri + " (is the stack up? bin/cdc stack up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + uri + " was interrupted", e);
        }
        if (response.statusCode() >= 300) {
            throw new ConnectRestException(method, uri, response.statusCode(), errorMessage(response.body()));
        }
        String text = response.body();
        return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    }

    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error.path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
