package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.offset.BinlogPosition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the binlog reader saw the watermark rows the snapshot thread wrote into the signal table.
 * Only awaited rows are remembered: watermark rows read again after a restart, or written by
 * another connector sharing the signal table, are ignored. Thread-safe.
 */
public final class WatermarkSightings {
    private final Map<String, BinlogPosition> awaited = new HashMap<>();

    /** The snapshot thread is about to write the watermark row {@code id}. */
    public synchronized void expect(String id) {
        awaited.put(requireNonNull(id, "id is null"), null);
    }

    /** The reader saw the watermark row {@code id} in the rows event starting at {@code position}. */
    public synchronized void sighted(String id, BinlogPosition position) {
        if (id != null && awaited.containsKey(id) && awaited.get(id) == null) {
            awaited.put(id, requireNonNull(position, "position is null"));
        }
    }

    /** Where the reader saw the row; empty while it has not. */
    public synchronized Optional<BinlogPosition> position(String id) {
        return Optional.ofNullable(awaited.get(id));
    }

    public synchronized boolean hasSighted(String id) {
        return awaited.get(id) != null;
    }

    public synchronized void forget(String id) {
        awaited.remove(id);
    }

    /** Rows awaited or sighted but not forgotten yet. */
    public synchronized int size() {
        return awaited.size();
    }
}
