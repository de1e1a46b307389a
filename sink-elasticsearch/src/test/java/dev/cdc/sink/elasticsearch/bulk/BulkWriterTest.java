package dev.cdc.sink.elasticsearch.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cdc.sink.elasticsearch.client.EsResponse;
import dev.cdc.sink.elasticsearch.config.BulkConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkWriterTest {
    private final OffsetTracker offsets = new OffsetTracker();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private long nextOffset;
    private BulkWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private BulkWriter writer(BulkConfig config, BulkTransport transport) {
        writer = new BulkWriter(config, transport, (record, reason) -> rejected.add(record.kafkaOffset() + ": " + reason),
                sleeps::add, clock::get, "test", "http://es:9200");
        return writer;
    }

    private static BulkConfig config(int batchSize, long batchBytes, int inFlight, int retries) {
        return new BulkConfig(batchSize, batchBytes, 5, inFlight, retries, 100, 1_000);
    }

    private BulkItem item(String id, long version) {
        SinkRecord record = new SinkRecord("orders", 0, null, null, null, "v", nextOffset++);
        return BulkItem.index(new DocKey("orders_v1", id), version, "{\"id\":\"" + id + "\"}", record, offsets.track(record));
    }

    private static String id(String actionLine) {
        int start = actionLine.indexOf("\"_id\":\"") + 7;
        return actionLine.substring(start, actionLine.indexOf('"', start));
    }

    private long committed() {
        var committable = offsets.committable();
        return committable.isEmpty() ? 0 : committable.values().iterator().next().offset();
    }

    @Test
    void batchesByCountAndSettlesOnlyWhatWasAcknowledged() {
        FakeTransport transport = FakeTransport.acceptingAll();
        BulkWriter writer = writer(config(2, 1 << 20, 1, 0), transport);
        for (int i = 0; i < 5; i++) {
            writer.add(item("k" + i, i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> committed() == 4);
        assertThat(transport.requests).hasSize(2);
        writer.awaitAll();
        assertThat(transport.requests).hasSize(3);
        assertThat(committed()).isEqualTo(5);
        assertThat(transport.requests.get(0).get(0))
                .isEqualTo("{\"index\":{\"_index\":\"orders_v1\",\"_id\":\"k0\",\"version\":0,\"version_type\":\"external_gte\"}}");
    }

    @Test
    void batchesByBytes() {
        FakeTransport transport = FakeTransport.acceptingAll();
        int size = item("k9", 0).size();
        BulkWriter writer = writer(config(1_000, 2L * size + 1, 1, 0), transport);
        for (int i = 0; i < 5; i++) {
            writer.add(item("k" + i, i));
        }
        writer.awaitAll();
        assertThat(transport.requests).extracting(List::size).containsExactly(2, 2, 1);
    }

    @Test
    void lingerSendsAPartialBatchOnlyWhenDue() {
        FakeTransport transport = FakeTransport.acceptingAll();
        BulkWriter writer = writer(config(100, 1 << 20, 1, 0), transport);
        writer.add(item("a", 1));
        writer.sendIfLingered();
        assertThat(transport.requests).isEmpty();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(5));
        writer.sendIfLingered();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.requests.size() == 1);
    }

    @Test
    void changesOfOneDocumentInABatchAreFoldedIntoTheNewest() {
        FakeTransport transport = FakeTransport.acceptingAll();
        BulkWriter writer = writer(config(100, 1 << 20, 1, 0), transport);
        writer.add(item("a", 5));
        writer.add(item("b", 5));
        writer.add(item("a", 7));
        writer.add(item("a", 6)); // older than what is queued: Elasticsearch would refuse it anyway
        writer.awaitAll();
        assertThat(transport.requests).hasSize(1);
        assertThat(transport.requests.get(0)).extracting(BulkWriterTest::id).containsExactly("a", "b");
        assertThat(transport.requests.get(0).get(0)).contains("\"version\":7");
        assertThat(committed()).isEqualTo(4);
    }

    @Test
    void aDocumentIsNeverInTwoRequestsInFlight() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean firstOfA = new java.util.concurrent.atomic.AtomicBoolean(true);
        FakeTransport transport = new FakeTransport((n, lines) -> {
            List<String> ids = lines.stream().map(BulkWriterTest::id).toList();
            // hold the first request of 'a', whichever sender thread runs first
            if (ids.equals(List.of("a")) && firstOfA.compareAndSet(true, false)) {
                awaitLatch(releaseFirst);
            }
            order.add(String.join(",", ids));
            return FakeTransport.ok(lines.size());
        });
        BulkWriter writer = writer(config(1, 1 << 20, 4, 0), transport);
        writer.add(item("a", 1)); // request 1, held
        writer.add(item("b", 1)); // request 2, other document: goes at once
        await().atMost(Duration.ofSeconds(5)).until(() -> order.contains("b"));
        Thread adder = new Thread(() -> writer.add(item("a", 2))); // must wait for request 1
        adder.start();
        adder.join(300);
        assertThat(adder.isAlive()).as("the second change of 'a' waits for the first request").isTrue();
        assertThat(transport.requests).hasSize(2);
        releaseFirst.countDown();
        adder.join(5_000);
        writer.awaitAll();
        assertThat(order).containsExactly("b", "a", "a");
    }

    @Test
    void inFlightLimitBlocksTheTaskThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeTransport transport = new FakeTransport((n, lines) -> {
            awaitLatch(release);
            return FakeTransport.ok(lines.size());
        });
        BulkWriter writer = writer(config(1, 1 << 20, 2, 0), transport);
        writer.add(item("a", 1));
        writer.add(item("b", 1));
        Thread adder = new Thread(() -> writer.add(item("c", 1)));
        adder.start();
        adder.join(300);
        assertThat(adder.isAlive()).as("a third request waits for a free slot").isTrue();
        release.countDown();
        adder.join(5_000);
        writer.awaitAll();
        assertThat(transport.requests).hasSize(3);
    }

    @Test
    void connectionLossAndOverloadAreRetriedWithGrowingBackoff() {
        FakeTransport transport = new FakeTransport((n, lines) -> {
            if (n == 1) {
                throw new IOException("send failed", new ConnectException("Connection refused"));
            }
            if (n == 2) {
                return new EsResponse(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue full\"},\"status\":429}");
            }
            if (n == 3) {
                return new EsResponse(503, "{\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"no shard\"},\"status\":503}");
            }
            return FakeTransport.ok(lines.size());
        });
        BulkWriter writer = writer(config(10, 1 << 20, 1, 3), transport);
        writer.add(item("a", 1));
        writer.awaitAll();
        assertThat(transport.requests).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(50L, 100L);
        assertThat(sleeps.get(1)).isBetween(100L, 200L);
        assertThat(sleeps.get(2)).isBetween(200L, 400L);
        assertThat(committed()).isEqualTo(1);
    }

    @Test
    void onlyTheItemsAnswered429Or5xxAreRetried() {
        FakeTransport transport = new FakeTransport((n, lines) -> n == 1
                ? FakeTransport.items(new int[] {201, 429, 409, 503},
                        new String[] {null, "es_rejected_execution_exception", "version_conflict_engine_exception", "unavailable"})
                : FakeTransport.ok(lines.size()));
        BulkWriter writer = writer(config(10, 1 << 20, 1, 2), transport);
        writer.add(item("a", 1));
        writer.add(item("b", 1));
        writer.add(item("c", 1));
        writer.add(item("d", 1));
        writer.awaitAll();
        assertThat(transport.requests.get(1)).extracting(BulkWriterTest::id).containsExactly("b", "d");
        assertThat(rejected).isEmpty();
        assertThat(committed()).isEqualTo(4);
    }

    @Test
    void aVersionConflictMeansNewerDataIsThereAndIsNotAnError() {
        FakeTransport transport = new FakeTransport((n, lines) ->
                FakeTransport.items(new int[] {409}, new String[] {"version_conflict_engine_exception"}));
        BulkWriter writer = writer(config(10, 1 << 20, 1, 0), transport);
        writer.add(item("a", 1));
        writer.awaitAll();
        assertThat(rejected).isEmpty();
        assertThat(committed()).isEqualTo(1);
    }

    @Test
    void aRejectedDocumentGoesToTheHandlerWithTheReasonAndIsSettled() {
        FakeTransport transport = new FakeTransport((n, lines) ->
                FakeTransport.items(new int[] {201, 400}, new String[] {null, "document_parsing_exception"}));
        BulkWriter writer = writer(config(10, 1 << 20, 1, 0), transport);
        writer.add(item("a", 1));
        writer.add(item("b", 1));
        writer.awaitAll();
        assertThat(rejected).containsExactly("1: Elasticsearch rejected document _id=b in index orders_v1 with HTTP 400:"
                + " document_parsing_exception: because 1");
        assertThat(committed()).isEqualTo(2);
    }

    @Test
    void givingUpStopsTheTaskWithTopicPartitionOffsetAndTheErrorAndCommitsNothingOfIt() {
        FakeTransport transport = new FakeTransport((n, lines) -> {
            throw new IOException("Connection reset");
        });
        BulkWriter writer = writer(config(10, 1 << 20, 1, 2), transport);
        writer.add(item("a", 1));
        assertThatThrownBy(writer::awaitAll)
                .isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class)
                .hasMessage("writing 1 actions to Elasticsearch at http://es:9200 (first: topic orders partition 0 offset 0):"
                        + " gave up after 2 retries (max.retries=2); last error: IOException: Connection reset");
        assertThat(transport.requests).hasSize(3);
        assertThat(offsets.committable()).isEmpty();
        assertThatThrownBy(() -> writer.add(item("b", 1))).isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class);
    }

    @Test
    void aBadRequestIsNotRetried() {
        FakeTransport transport = new FakeTransport((n, lines) ->
                new EsResponse(400, "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"Malformed action\"},\"status\":400}"));
        BulkWriter writer = writer(config(10, 1 << 20, 1, 5), transport);
        writer.add(item("a", 1));
        assertThatThrownBy(writer::awaitAll)
                .hasMessageContaining("topic orders partition 0 offset 0")
                .hasMessageContaining("HTTP 400: illegal_argument_exception: Malformed action");
        assertThat(transport.requests).hasSize(1);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void unsettledRecordHoldsBackLaterOffsets() {
        OffsetTracker tracker = new OffsetTracker();
        List<OffsetTracker.Entry> entries = new ArrayList<>();
        for (int offset = 10; offset < 13; offset++) {
            entries.add(tracker.track(new SinkRecord("t", 1, null, null, null, "v", offset)));
        }
        entries.get(1).settle();
        entries.get(2).settle();
        assertThat(tracker.committable()).isEmpty();
        entries.get(0).settle();
        assertThat(tracker.committable().values()).extracting(o -> o.offset()).containsExactly(13L);
        assertThat(tracker.unsettled()).isZero();
    }

    @Test
    void aRecordWrittenToTwoIndexesIsSettledOnlyWhenBothWritesAre() {
        OffsetTracker tracker = new OffsetTracker();
        OffsetTracker.Entry entry = tracker.track(new SinkRecord("t", 1, null, null, null, "v", 10));
        entry.addParts(1);
        entry.settle();
        assertThat(entry.isSettled()).isFalse();
        assertThat(tracker.committable()).isEmpty();
        entry.settle();
        assertThat(tracker.committable().values()).extracting(o -> o.offset()).containsExactly(11L);
    }
}
