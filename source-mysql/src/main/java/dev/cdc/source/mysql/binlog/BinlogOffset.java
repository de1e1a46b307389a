package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where to resume the binlog, as stored in Connect's offsets with every record.
 *
 * <p>The binlog is resumed at transaction boundaries: {@code file}/{@code pos} is the start of the
 * transaction of the record (its GTID event, or its BEGIN), {@code gtids} the set of transactions
 * completed before it. A record in the middle of a transaction also says how much of the
 * transaction was emitted up to and including it: {@code event} rows events completely, then
 * {@code row} rows of the next one. A restart reads the transaction again and skips exactly those,
 * so nothing is lost and the only duplicates are records emitted after the last committed offset,
 * which carry the same source positions the second time.
 */
public record BinlogOffset(String file, long position, String gtids, int eventsToSkip, int rowsToSkip) {
    static final String FILE = "file";
    static final String POSITION = "pos";
    static final String GTIDS = "gtids";
    static final String EVENT = "event";
    static final String ROW = "row";

    public BinlogOffset {
        requireNonNull(file, "file is null");
        if (position < 4) {
            throw new IllegalArgumentException("binlog position " + position + " is before the first event (4)");
        }
        if (eventsToSkip < 0 || rowsToSkip < 0) {
            throw new IllegalArgumentException("events and rows to skip must not be negative");
        }
        gtids = gtids == null || gtids.isBlank() ? null : gtids;
    }

    /** The beginning of a transaction or event, nothing of it emitted. */
    public static BinlogOffset at(String file, long position, String gtids) {
        return new BinlogOffset(file, position, gtids, 0, 0);
    }

    public Optional<String> gtidSet() {
        return Optional.ofNullable(gtids);
    }

    /** The Connect offset map. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(FILE, file);
        map.put(POSITION, position);
        if (gtids != null) {
            map.put(GTIDS, gtids);
        }
        if (eventsToSkip > 0) {
            map.put(EVENT, eventsToSkip);
        }
        if (rowsToSkip > 0) {
            map.put(ROW, rowsToSkip);
        }
        return map;
    }

    /**
     * Reads a stored offset; empty when there is none.
     *
     * @throws IllegalArgumentException naming the offset when it lacks the file or position
     */
    public static Optional<BinlogOffset> fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Optional.empty();
        }
        Object file = map.get(FILE);
        Object position = map.get(POSITION);
        if (!(file instanceof String) || !(position instanceof Number)) {
            throw new IllegalArgumentException("stored offset " + map + " has no binlog file and position");
        }
        return Optional.of(new BinlogOffset((String) file, ((Number) position).longValue(), (String) map.get(GTIDS),
                intValue(map.get(EVENT)), intValue(map.get(ROW))));
    }

    private static int intValue(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtids == null ? "" : " (GTIDs " + gtids + ")")
                + (eventsToSkip == 0 && rowsToSkip == 0 ? "" : " after " + eventsToSkip + " events and " + rowsToSkip + " rows");
    }
}
