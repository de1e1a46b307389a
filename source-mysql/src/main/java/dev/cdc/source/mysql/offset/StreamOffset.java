package dev.cdc.source.mysql.offset;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The streaming part of the connector's Connect offset, Debezium-like:
 * <ul>
 *   <li>{@value #FILE}, {@value #POS}: where to restart reading. Inside a transaction this is the
 *   first event of the transaction (its GTID event, or its {@code BEGIN}); after a transaction, or
 *   outside any, the end of the last event read, so that an idle connector's offset reaches
 *   {@code SHOW MASTER STATUS};</li>
 *   <li>{@value #GTIDS}: the GTID set of every transaction completed before {@code file}/{@code pos}
 *   (MariaDB {@code 0-1-42}, MySQL {@code uuid:1-42}); absent when the server has no GTIDs;</li>
 *   <li>{@value #EVENT}: rows events of the transaction at {@code file}/{@code pos} already emitted
 *   completely, to skip on restart;</li>
 *   <li>{@value #ROW}: rows of the next rows event already emitted, to skip on restart.</li>
 * </ul>
 * A restart therefore reads the transaction in progress again from its start and skips what was
 * already emitted; a duplicate can only come from records whose offsets were not committed, and it
 * carries the same source position as the first time.
 */
public record StreamOffset(String file, long pos, String gtids, long event, long row) {
    public static final String FILE = "file";
    public static final String POS = "pos";
    public static final String GTIDS = "gtids";
    public static final String EVENT = "event";
    public static final String ROW = "row";

    public StreamOffset {
        requireNonNull(file, "file is null");
        if (pos < 0 || event < 0 || row < 0) {
            throw new IllegalArgumentException("offset " + file + ":" + pos + " event " + event + " row " + row + " has a negative part");
        }
        if (gtids != null && gtids.isBlank()) {
            gtids = null;
        }
    }

    /** A boundary between transactions: nothing to skip. */
    public static StreamOffset at(BinlogPosition position, String gtids) {
        return new StreamOffset(position.file(), position.position(), gtids, 0, 0);
    }

    public BinlogPosition position() {
        return new BinlogPosition(file, pos);
    }

    public StreamOffset withSkip(long events, long rows) {
        return new StreamOffset(file, pos, gtids, events, rows);
    }

    public Optional<String> gtidSet() {
        return Optional.ofNullable(gtids);
    }

    /** The offset entries; {@code gtids} only when known. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(FILE, file);
        map.put(POS, pos);
        if (gtids != null) {
            map.put(GTIDS, gtids);
        }
        map.put(EVENT, event);
        map.put(ROW, row);
        return map;
    }

    /**
     * The streaming offset stored in a Connect offset; empty when there is none.
     *
     * @throws IllegalArgumentException naming the key when a stored value is damaged
     */
    public static Optional<StreamOffset> fromMap(Map<String, ?> offset) {
        if (offset == null || offset.get(FILE) == null) {
            return Optional.empty();
        }
        Object gtids = offset.get(GTIDS);
        return Optional.of(new StreamOffset(offset.get(FILE).toString(), number(offset, POS), gtids == null ? null : gtids.toString(),
                number(offset, EVENT), number(offset, ROW)));
    }

    private static long number(Map<String, ?> offset, String key) {
        Object value = offset.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset key '" + key + "' holds '" + value + "', not a number", e);
        }
    }

    @Override
    public String toString() {
        return file + ":" + pos + (gtids == null ? "" : " gtids " + gtids) + (event == 0 && row == 0 ? "" : " skip " + event + " events " + row + " rows");
    }
}
