package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.TransactionBlock;
import dev.cdc.core.event.TransactionOrder;
import dev.cdc.source.mysql.offset.StreamOffset;

/**
 * The transaction the reader is in: where it began (its GTID event or {@code BEGIN}), its GTID,
 * the GTID set before it, its id ({@code GTID}, or {@code file:pos} of its start without GTIDs),
 * and how many rows events it had so far. Owned by the reader thread.
 */
final class TransactionState {
    private final String beginFile;
    private final long beginPos;
    private final String gtid;
    private final String gtidsBefore;
    private final String id;
    private final TransactionOrder order = new TransactionOrder();
    private Long thread;
    private long rowsEvents;

    TransactionState(String beginFile, long beginPos, String gtid, String gtidsBefore, Long thread) {
        this.beginFile = requireNonNull(beginFile, "beginFile is null");
        this.beginPos = beginPos;
        this.gtid = gtid;
        this.gtidsBefore = gtidsBefore;
        this.thread = thread;
        this.id = gtid != null ? gtid : beginFile + ":" + beginPos;
        order.begin(id);
    }

    String gtid() {
        return gtid;
    }

    String id() {
        return id;
    }

    Long thread() {
        return thread;
    }

    void thread(Long threadId) {
        this.thread = threadId;
    }

    /** Index, from 0, of the next rows event of this transaction. */
    long nextRowsEvent() {
        return rowsEvents++;
    }

    TransactionBlock nextBlock(String dataCollection) {
        return order.next(dataCollection);
    }

    /** Restart here and skip {@code events} whole rows events, then {@code rows} rows of the next. */
    StreamOffset offset(long events, long rows) {
        return new StreamOffset(beginFile, beginPos, gtidsBefore, events, rows);
    }

    boolean beganAt(String file, long pos) {
        return beginFile.equals(file) && beginPos == pos;
    }
}
