package dev.cdc.sink.elasticsearch.bench;

import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.testkit.TestStack;
import dev.cdc.testkit.bench.OrderChangeEvents;
import dev.cdc.testkit.bench.TopicFiller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: docs/s of the Elasticsearch sink connector on the real Connect worker,
 * next to the raw {@code _bulk} limit for the same documents. See the module README for the
 * command, the settings and the figures. System properties (defaults in brackets):
 * {@code bench.events} [1000000], {@code bench.partitions} [1], {@code bench.tasks} [1],
 * {@code bench.batch.size} [2000], {@code bench.in.flight} [2], {@code bench.max.poll.records} [5000],
 * {@code bench.fetch.bytes} [52428800], {@code bench.skip.raw} [false],
 * {@code bench.converter} [dev.cdc.core.converter.StreamingJsonConverter; or org.apache.kafka.connect.json.JsonConverter], {@code bench.topic} [none: fill a new
 * topic; else reuse that topic, which must hold {@code bench.events} events].
 */
public final class SinkBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        int partitions = Integer.getInteger("bench.partitions", 1);
        int batchSize = Integer.getInteger("bench.batch.size", 2_000);
        int inFlight = Integer.getInteger("bench.in.flight", 2);
        TestStack stack = TestStack.get();
        String run = "bench" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String topic = System.getProperty("bench.topic");
        OrderChangeEvents orders = new OrderChangeEvents(topic == null ? run + ".shop.orders" : topic, events);
        if (topic == null) {
            long start = System.nanoTime();
            long bytes = TopicFiller.fill(stack.kafkaBootstrapServers(), orders, partitions, events);
            log("filled %s: %,d events, %,d value bytes (%.2f KB each) in %.1f s", orders.topic(), events, bytes,
                    bytes / 1024.0 / events, seconds(start));
        }

        double raw = Boolean.getBoolean("bench.skip.raw") ? Double.NaN
                : RawBulkLimit.measure(stack.elasticsearchUrl(), orders, run + "-raw", events, batchSize, inFlight);
        log("raw _bulk limit: %,.0f docs/s (%d docs a request, %d in flight, pre-serialized)", raw, batchSize, inFlight);

        double sink = measureSink(stack, orders, run, events, batchSize, inFlight, partitions);
        log("sink connector: %,.0f docs/s = %.0f%% of the raw limit", sink, 100 * sink / raw);
    }

    private static double measureSink(TestStack stack, OrderChangeEvents orders, String run, int events, int batchSize, int inFlight,
            int partitions) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "dev.cdc.sink.elasticsearch.ElasticsearchSinkConnector");
        config.put("tasks.max", Integer.getInteger("bench.tasks", 1).toString());
        config.put("topics", orders.topic());
        config.put("connection.url", stack.elasticsearchUrl());
        config.put("index.name.template", run + "-${table}");
        String converter = System.getProperty("bench.converter", "dev.cdc.core.converter.StreamingJsonConverter");
        config.put("key.converter", converter);
        config.put("value.converter", converter);
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter.schemas.enable", "true");
        config.put("batch.size", String.valueOf(batchSize));
        config.put("max.in.flight.requests", String.valueOf(inFlight));
        config.put("consumer.override.max.poll.records", Integer.getInteger("bench.max.poll.records", 5_000).toString());
        config.put("consumer.override.max.partition.fetch.bytes", Integer.getInteger("bench.fetch.bytes", 50 << 20).toString());
        config.put("consumer.override.fetch.max.bytes", Integer.getInteger("bench.fetch.bytes", 50 << 20).toString());
        config.put("consumer.override.auto.offset.reset", "earliest");
        log("sink settings: %s (partitions %d)", config, partitions);
        String alias = run + "-orders";
        String connector = run + "-es";
        send("POST", stack.connectUrl() + "/connectors", Json.write(Map.of("name", connector, "config", config)));
        try {
            long firstSeen = 0;
            long firstCount = 0;
            long deadline = System.nanoTime() + 3_600_000_000_000L;
            long count;
            do {
                Thread.sleep(100);
                count = count(stack.elasticsearchUrl(), alias);
                if (firstSeen == 0 && count > 0) {
                    firstSeen = System.nanoTime();
                    firstCount = count;
                }
            } while (count < events && System.nanoTime() < deadline);
            double seconds = seconds(firstSeen);
            log("sink: %,d documents from the first %,d seen to the last in %.1f s", count - firstCount, firstCount, seconds);
            return (count - firstCount) / seconds;
        } finally {
            send("DELETE", stack.connectUrl() + "/connectors/" + connector, null);
            send("DELETE", stack.elasticsearchUrl() + "/" + alias + "_v*", null);
        }
    }

    private static long count(String esUrl, String alias) throws Exception {
        Matcher matcher = COUNT.matcher(send("GET", esUrl + "/" + alias + "/_count", null));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static String send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
