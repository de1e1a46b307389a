package dev.cdc.sink.elasticsearch.bench;

import dev.cdc.testkit.bench.OrderChangeEvents;
import dev.cdc.sink.elasticsearch.config.DecimalMapping;
import dev.cdc.sink.elasticsearch.config.JsonMapping;
import dev.cdc.sink.elasticsearch.config.StringMapping;
import dev.cdc.sink.elasticsearch.document.DocumentWriter;
import dev.cdc.sink.elasticsearch.document.Json;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpHost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The raw limit: the documents the sink writes for the same events, with the same versioned
 * action lines and the same mapping, pre-serialized into {@code _bulk} bodies before the clock
 * starts, sent with elasticsearch-java's RestClient, {@code inFlight} requests at a time.
 */
final class RawBulkLimit {
    private RawBulkLimit() {
    }

    /** @return documents per second */
    static double measure(String esUrl, OrderChangeEvents events, String index, int count, int batchSize, int inFlight) throws Exception {
        try (RestClient rest = RestClient.builder(HttpHost.create(esUrl)).build()) {
            Map<String, Object> properties = new LinkedHashMap<>(MappingBuilder.systemProperties());
            properties.putAll(new MappingBuilder(DecimalMapping.KEYWORD, StringMapping.TEXT_KEYWORD, JsonMapping.STRING)
                    .properties(events.row(1).schema()));
            call(rest, "PUT", "/" + index, Json.write(Map.of("mappings", Map.of("properties", properties))));
            ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>(bodies(events, index, count, batchSize));
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < inFlight; s++) {
                Thread sender = new Thread(() -> {
                    byte[] body;
                    while ((body = bodies.poll()) != null && failure.get() == null) {
                        try {
                            Request request = new Request("POST", "/_bulk");
                            request.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
                            Response response = rest.performRequest(request);
                            String answer = EntityUtils.toString(response.getEntity());
                            if (answer.startsWith("{\"errors\":true")) {
                                throw new IllegalStateException("bulk errors: " + answer.substring(0, Math.min(500, answer.length())));
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }, "raw-bulk-" + s);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            call(rest, "POST", "/" + index + "/_refresh", null);
            String counted = call(rest, "GET", "/" + index + "/_count", null);
            if (!counted.contains("\"count\":" + count + ",")) {
                throw new IllegalStateException("raw index holds " + counted + ", expected " + count);
            }
            call(rest, "DELETE", "/" + index, null);
            return count / seconds;
        }
    }

    private static List<byte[]> bodies(OrderChangeEvents events, String index, int count, int batchSize) {
        DocumentWriter documents = new DocumentWriter(DecimalMapping.KEYWORD, JsonMapping.STRING);
        List<byte[]> bodies = new ArrayList<>(count / batchSize + 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream(2 << 20);
        for (int i = 0; i < count; i++) {
            var row = events.row(i + 1);
            StringBuilder text = new StringBuilder(640);
            text.append("{\"index\":{\"_index\":").append(Json.quote(index)).append(",\"_id\":\"").append(i + 1)
                    .append("\",\"version\":").append(1000L + i).append(",\"version_type\":\"external_gte\"}}\n")
                    .append(documents.write(row.schema(), row)).append('\n');
            body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            if ((i + 1) % batchSize == 0 || i == count - 1) {
                bodies.add(body.toByteArray());
                body.reset();
            }
        }
        return bodies;
    }

    private static String call(RestClient rest, String method, String endpoint, String json) throws Exception {
        Request request = new Request(method, endpoint);
        if (json != null) {
            request.setJsonEntity(json);
        }
        Response response = rest.performRequest(request);
        return response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
    }
}
