package dev.cdc.launcher.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples documents while the crash test runs and checks that a document's version (the
 * source position the sink writes with {@code version_type=external_gte}) never decreases:
 * the target never goes backwards, whatever crashes and replays happen.
 */
final class VersionWatcher implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI mget;
    private final LongSupplier highestId;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final List<String> regressions = new ArrayList<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private volatile String lastFailure = "none";
    private volatile boolean stopped;

    VersionWatcher(String elasticsearchUrl, String index, LongSupplier highestId) {
        this.mget = URI.create(elasticsearchUrl + "/" + index + "/_mget?_source=false");
        this.highestId = highestId;
    }

    void stop() {
        stopped = true;
    }

    long samples() {
        return samples.get();
    }

    /** Requests Elasticsearch did not answer with 200, and the last such answer, for failure messages. */
    String failures() {
        return failedRequests.get() + " failed requests, last: " + lastFailure;
    }

    synchronized List<String> regressions() {
        return List.copyOf(regressions);
    }

    @Override
    public void run() {
        while (!stopped) {
            long highest = highestId.getAsLong();
            if (highest > 0) {
                sample(highest);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(long highest) {
        StringBuilder ids = new StringBuilder("{\"ids\":[");
        for (int i = 0; i < 50; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(1 + random.nextLong(highest)).append('"');
        }
        ids.append("]}");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(mget).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ids.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failedRequests.incrementAndGet(); // Elasticsearch restarting, or the index not created yet
                lastFailure = response.statusCode() + " " + response.body();
                return;
            }
            for (JsonNode doc : JSON.readTree(response.body()).path("docs")) {
                String id = doc.path("_id").asText();
                if (doc.has("error") || !doc.has("found")) {
                    // a shard not available yet (Elasticsearch just restarted): this document is unknown now, not gone
                    failedRequests.incrementAndGet();
                    lastFailure = "_id " + id + ": " + doc.path("error");
                    continue;
                }
                if (!doc.path("found").asBoolean()) {
                    if (lastSeen.containsKey(id)) {
                        synchronized (this) {
                            regressions.add("_id " + id + " disappeared after version " + lastSeen.get(id));
                        }
                    }
                    continue;
                }
                long version = doc.path("_version").asLong();
                Long before = lastSeen.put(id, version);
                samples.incrementAndGet();
                if (before != null && version < before) {
                    synchronized (this) {
                        regressions.add("_id " + id + " went from version " + before + " to " + version);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // unreachable while Elasticsearch restarts: nothing to sample
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
