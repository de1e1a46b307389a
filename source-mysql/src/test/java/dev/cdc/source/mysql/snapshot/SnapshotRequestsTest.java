package dev.cdc.source.mysql.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.core.snapshot.Chunk;
import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.offset.OffsetContext;
import dev.cdc.source.mysql.offset.StreamOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotRequestsTest {
    private static final TableId ORDERS = TableId.ofCatalogTable("shop", "orders");
    private static final TableId ITEMS = TableId.ofCatalogTable("shop", "items");
    private static final StreamOffset STREAM = new StreamOffset("mysql-bin.000003", 400, null, 0, 0);

    private final AtomicInteger wakeUps = new AtomicInteger();

    @Test
    void withoutASnapshotRunningARequestStartsOneAndItsIdGoesIntoEveryOffset() {
        OffsetContext offsets = new OffsetContext(null);
        SnapshotRequests requests = new SnapshotRequests(offsets, wakeUps::incrementAndGet);

        assertThat(requests.request("sig-1", List.of(ORDERS, ORDERS))).containsExactly(ORDERS);

        assertThat(offsets.snapshot()).contains(SnapshotState.start(List.of(ORDERS.toString())));
        assertThat(offsets.offset(STREAM)).containsEntry(OffsetContext.SIGNAL_ID, "sig-1").containsKey(SnapshotState.TABLES);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aRequestDuringASnapshotQueuesItsNewTablesAfterTheOthersAndKeepsTheCurrentTablesProgress() {
        SnapshotState running = SnapshotState.start(List.of(ORDERS.toString())).chunkFinished(Chunk.first(List.of(100L)), 99);
        OffsetContext offsets = new OffsetContext(running);
        SnapshotRequests requests = new SnapshotRequests(offsets, wakeUps::incrementAndGet);

        assertThat(requests.request("sig-2", List.of(ORDERS, ITEMS))).containsExactly(ITEMS);

        SnapshotState state = offsets.snapshot().orElseThrow();
        assertThat(state.remainingTables()).containsExactly(ORDERS.toString(), ITEMS.toString());
        assertThat(state.lastFinishedChunk()).isZero();
        assertThat(state.resumeKey()).contains(List.of(100L));
        assertThat(state.rowsDone()).isEqualTo(99);
    }

    @Test
    void theSameSignalSeenAgainAfterARestartIsNotTakenUpTwice() {
        OffsetContext offsets = new OffsetContext(null, null, "sig-3");
        SnapshotRequests requests = new SnapshotRequests(offsets, wakeUps::incrementAndGet);

        assertThat(requests.request("sig-3", List.of(ORDERS))).isEmpty();

        assertThat(offsets.snapshot()).isEmpty();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void tablesAlreadyQueuedAreNotQueuedTwiceButTheSignalCounts() {
        OffsetContext offsets = new OffsetContext(SnapshotState.start(List.of(ORDERS.toString())));
        SnapshotRequests requests = new SnapshotRequests(offsets, wakeUps::incrementAndGet);

        assertThat(requests.request("sig-4", List.of(ORDERS))).isEmpty();

        assertThat(offsets.snapshot().orElseThrow().remainingTables()).containsExactly(ORDERS.toString());
        assertThat(offsets.signalId()).contains("sig-4");
    }
}
