package dev.cdc.sink.elasticsearch.toast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdc.sink.elasticsearch.bulk.BulkItem;
import dev.cdc.sink.elasticsearch.bulk.BulkWriter;
import dev.cdc.sink.elasticsearch.bulk.DocKey;
import dev.cdc.sink.elasticsearch.bulk.OffsetTracker;
import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.config.BulkConfig;
import dev.cdc.sink.elasticsearch.index.CopySource;
import dev.cdc.sink.elasticsearch.reindex.DocumentAdapter;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredValueMergerTest {
    private static final DocKey DOC = new DocKey("people_v1", "1");

    private final OffsetTracker offsets = new OffsetTracker();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Collection<DocKey>> reads = new ArrayList<>();
    private final Map<DocKey, JsonObject> stored = new HashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean blockRequests = new AtomicBoolean();
    private final AtomicBoolean requestAnswered = new AtomicBoolean();
    private final BulkWriter bulk = new BulkWriter(new BulkConfig(100, 1 << 20, 60_000, 2, 0, 10, 10), this::answer,
            (record, reason) -> { }, millis -> { }, System::nanoTime, "test", "http://es:9200");
    private long offset;

    private EsResponse answer(byte[] body) throws java.io.IOException {
        if (blockRequests.get()) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        bodies.add(text);
        int items = text.split("\n").length / 2;
        requestAnswered.set(true);
        return new EsResponse(200, "{\"errors\":false,\"items\":[" + "{\"index\":{\"status\":200}},".repeat(items).replaceAll(",$", "")
                + "]}");
    }

    private Map<DocKey, JsonObject> fetch(Collection<DocKey> keys) {
        reads.add(List.copyOf(keys));
        Map<DocKey, JsonObject> found = new HashMap<>();
        keys.forEach(key -> {
            if (stored.containsKey(key)) {
                found.put(key, stored.get(key));
            }
        });
        return found;
    }

    private final StoredValueMerger merger = new StoredValueMerger(bulk, this::fetch);

    @AfterEach
    void close() {
        release.countDown();
        bulk.close();
    }

    private SinkRecord record() {
        return new SinkRecord("people", 0, null, null, null, "v", offset++);
    }

    private UnchangedColumnsChange.Part part(DocKey key, String written, CopySource copySource) {
        return new UnchangedColumnsChange.Part(key, false, EsResponse.parse(written), List.of("bio"), copySource);
    }

    private UnchangedColumnsChange change(long version, UnchangedColumnsChange.Part... parts) {
        SinkRecord record = record();
        return new UnchangedColumnsChange(record, offsets.track(record), version, List.of(parts));
    }

    private BulkItem index(DocKey key, long version, String source) {
        SinkRecord record = record();
        return BulkItem.index(key, version, source, record, offsets.track(record));
    }

    private String lastSourceOf(String id) {
        String last = null;
        for (String body : bodies) {
            String[] lines = body.split("\n");
            for (int i = 0; i < lines.length; i += 2) {
                if (lines[i].contains("\"_id\":\"" + id + "\"")) {
                    last = lines[i + 1];
                }
            }
        }
        return last;
    }

    @Test
    void takesTheValueFromAChangeOfTheDocumentInTheBatchBeingFilledWithoutReading() {
        bulk.add(index(DOC, 10, "{\"id\":1,\"name\":\"Ada\",\"bio\":\"big\"}"));
        merger.write(change(11, part(DOC, "{\"id\":1,\"name\":\"Ada L.\"}", null)));
        assertThat(merger.heldCount()).isZero();
        bulk.awaitAll();
        assertThat(reads).isEmpty();
        assertThat(bodies).hasSize(1);
        assertThat(lastSourceOf("1")).isEqualTo("{\"id\":1,\"name\":\"Ada L.\",\"bio\":\"big\"}");
    }

    @Test
    void readsEveryHeldDocumentWithOneRequest() {
        DocKey other = new DocKey("people_v1", "2");
        stored.put(DOC, EsResponse.parse("{\"id\":1,\"bio\":\"stored 1\"}"));
        stored.put(other, EsResponse.parse("{\"id\":2,\"bio\":\"stored 2\"}"));
        merger.write(change(11, part(DOC, "{\"id\":1,\"name\":\"a\"}", null)));
        merger.write(change(12, part(other, "{\"id\":2,\"name\":\"b\"}", null)));
        assertThat(merger.heldCount()).isEqualTo(2);
        merger.resolve();
        bulk.awaitAll();
        assertThat(reads).containsExactly(List.of(DOC, other));
        assertThat(lastSourceOf("1")).isEqualTo("{\"id\":1,\"name\":\"a\",\"bio\":\"stored 1\"}");
        assertThat(lastSourceOf("2")).isEqualTo("{\"id\":2,\"name\":\"b\",\"bio\":\"stored 2\"}");
    }

    @Test
    void aLaterChangeOfAHeldDocumentWaitsForItSoOrderIsKept() {
        stored.put(DOC, EsResponse.parse("{\"id\":1,\"bio\":\"stored\"}"));
        merger.write(change(11, part(DOC, "{\"id\":1,\"name\":\"a\"}", null)));
        merger.resolveIfHolding(List.of(new DocKey("people_v1", "2")));
        assertThat(merger.heldCount()).isEqualTo(1);
        merger.resolveIfHolding(List.of(DOC));
        assertThat(merger.heldCount()).isZero();
        assertThat(bulk.unsent(DOC)).isNotNull();
    }

    @Test
    void aMissingOrDeletedDocumentGivesNull() {
        DocKey deleted = new DocKey("people_v1", "2");
        stored.put(deleted, EsResponse.parse("{\"__cdc_deleted\":true}"));
        merger.write(change(11, part(DOC, "{\"id\":1}", null)));
        merger.write(change(12, part(deleted, "{\"id\":2}", null)));
        merger.resolve();
        bulk.awaitAll();
        assertThat(lastSourceOf("1")).isEqualTo("{\"id\":1,\"bio\":null}");
        assertThat(lastSourceOf("2")).isEqualTo("{\"id\":2,\"bio\":null}");
    }

    @Test
    void duringAReindexADocumentNotCopiedYetIsReadFromTheOldIndexAsTheCopyRewritesIt() {
        DocKey next = new DocKey("people_v2", "1");
        stored.put(DOC, EsResponse.parse("{\"id\":1,\"biography\":\"old index\"}"));
        CopySource copy = new CopySource("people_v1", new DocumentAdapter(Map.of("biography", "bio"), Map.of(), null));
        merger.write(change(11, part(next, "{\"id\":1}", copy)));
        merger.resolve();
        bulk.awaitAll();
        assertThat(reads).containsExactly(List.of(next, DOC));
        assertThat(lastSourceOf("1")).isEqualTo("{\"id\":1,\"bio\":\"old index\"}");
    }

    @Test
    void waitsForARequestInFlightHoldingTheDocumentBeforeReading() throws InterruptedException {
        blockRequests.set(true);
        bulk.add(index(DOC, 10, "{\"id\":1,\"bio\":\"in flight\"}"));
        bulk.sendPending();
        AtomicBoolean answeredBeforeRead = new AtomicBoolean();
        StoredValueMerger watching = new StoredValueMerger(bulk, keys -> {
            answeredBeforeRead.set(requestAnswered.get());
            return Map.of();
        });
        watching.write(change(11, part(DOC, "{\"id\":1}", null)));
        assertThat(watching.heldCount()).isEqualTo(1);
        Thread resolver = new Thread(watching::resolve, "resolver");
        resolver.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> resolver.getState() == Thread.State.WAITING || !resolver.isAlive());
        release.countDown();
        resolver.join(10_000);
        assertThat(answeredBeforeRead).isTrue();
    }
}
