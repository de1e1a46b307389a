package dev.cdc.source.postgres.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The calls of the Kafka Connect REST API the benchmark needs: deploy, watch, and remove one connector. */
final class ConnectWorkerClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectWorkerClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The worker's version; fails with the URL when no worker answers. */
    String version() throws IOException, InterruptedException {
        return JSON.readTree(call("GET", "", null, Set.of(200)).body()).path("version").asText();
    }

    /** Names of the connectors the worker runs. */
    List<String> connectors() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        JSON.readTree(call("GET", "/connectors", null, Set.of(200)).body()).forEach(name -> names.add(name.asText()));
        return names;
    }

    /** Creates the connector, or replaces its configuration. */
    void deploy(String name, Map<String, String> config) throws IOException, InterruptedException {
        call("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config), Set.of(200, 201));
    }

    /** The failure of the connector or one of its tasks (state FAILED), with its trace. */
    Optional<String> failure(String name) throws IOException, InterruptedException {
        Optional<JsonNode> status = status(name);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        JsonNode connector = status.get().path("connector");
        if ("FAILED".equals(connector.path("state").asText())) {
            return Optional.of("connector " + name + " FAILED: " + connector.path("trace").asText());
        }
        for (JsonNode task : status.get().path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return Optional.of("task " + name + "-" + task.path("id").asText() + " FAILED: " + task.path("trace").asText());
            }
        }
        return Optional.empty();
    }

    /** The status document; empty when the connector does not exist. */
    Optional<JsonNode> status(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = call("GET", "/connectors/" + name + "/status", null, Set.of(200, 404));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(JSON.readTree(response.body()));
    }

    /**
     * Stops the connector, waits until it is STOPPED, resets its offsets (so the worker's offset
     * topic forgets the run) and deletes it. Best effort: returns the problems, empty when none.
     */
    String remove(String name) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        try {
            if (call("PUT", "/connectors/" + name + "/stop", null, Set.of(202, 204, 404)).statusCode() == 404) {
                return "";
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !"STOPPED".equals(
                    status(name).map(status -> status.path("connector").path("state").asText()).orElse("STOPPED"))) {
                Thread.sleep(200);
            }
            HttpResponse<String> reset = call("DELETE", "/connectors/" + name + "/offsets", null, Set.of(200, 400, 409, 500));
            if (reset.statusCode() != 200) {
                problems.add("offset reset answered HTTP " + reset.statusCode() + ": " + reset.body());
            }
        } catch (IOException | RuntimeException e) {
            problems.add("stop and offset reset failed: " + e);
        }
        try {
            call("DELETE", "/connectors/" + name, null, Set.of(204, 404));
        } catch (IOException | RuntimeException e) {
            problems.add("delete failed: " + e);
        }
        return String.join("; ", problems);
    }

    private HttpResponse<String> call(String method, String path, String body, Set<Integer> expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (!expected.contains(response.statusCode())) {
            throw new IOException(method + " " + baseUrl + path + " answered HTTP " + response.statusCode() + " (expected " + expected
                    + "): " + response.body());
        }
        return response;
    }
}
