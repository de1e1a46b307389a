package dev.cdc.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few calls of the Kafka Connect REST API the benchmark makes. */
public final class ConnectRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The worker's version, failing clearly when no worker answers. */
    public String version() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/", null);
        expect(response, 200);
        return JSON.readTree(response.body()).path("version").asText();
    }

    /** The names of the deployed connectors, as the worker lists them. */
    public String connectors() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/connectors", null);
        expect(response, 200);
        return response.body();
    }

    public void putConfig(String name, Map<String, String> config) throws IOException, InterruptedException {
        HttpResponse<String> response = send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config));
        expect(response, 200, 201);
    }

    /** The status document, or null when the connector does not exist (yet). */
    public JsonNode status(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
        if (response.statusCode() == 404) {
            return null;
        }
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    /** A failed connector or task as one message with its trace, else null. */
    public String failure(String name) throws IOException, InterruptedException {
        JsonNode status = status(name);
        if (status == null) {
            return null;
        }
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            return "connector FAILED: " + status.path("connector").path("trace").asText();
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return "task " + task.path("id").asText() + " FAILED: " + task.path("trace").asText();
            }
        }
        return null;
    }

    /**
     * Stops the connector, resets its offsets (so nothing of the run stays in the worker's offsets
     * topic) and deletes it. Best effort: each step's problem is returned, not thrown.
     */
    public String remove(String name) {
        StringBuilder problems = new StringBuilder();
        try {
            HttpResponse<String> stop = send("PUT", "/connectors/" + name + "/stop", null);
            if (stop.statusCode() == 404) {
                return "";
            }
            expect(stop, 202, 204);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode status = status(name);
                if (status == null || "STOPPED".equals(status.path("connector").path("state").asText())) {
                    break;
                }
                Thread.sleep(250);
            }
            HttpResponse<String> reset = send("DELETE", "/connectors/" + name + "/offsets", null);
            if (reset.statusCode() != 200) {
                problems.append("offset reset: HTTP ").append(reset.statusCode()).append(' ').append(reset.body()).append("; ");
            }
        } catch (Exception e) {
            problems.append("stop/reset: ").append(e).append("; ");
        }
        try {
            HttpResponse<String> delete = send("DELETE", "/connectors/" + name, null);
            if (delete.statusCode() != 204 && delete.statusCode() != 404) {
                problems.append("delete: HTTP ").append(delete.statusCode()).append(' ').append(delete.body());
            }
        } catch (Exception e) {
            problems.append("delete: ").append(e);
        }
        return problems.toString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int... codes) {
        for (int code : codes) {
            if (response.statusCode() == code) {
                return;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered HTTP "
                + response.statusCode() + ": " + response.body());
    }
}
