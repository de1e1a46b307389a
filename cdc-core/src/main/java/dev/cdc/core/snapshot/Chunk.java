package dev.cdc.core.snapshot;

import java.util.Collections;
import java.util.List;

/**
 * One chunk of a table's snapshot: the rows whose primary key {@code k} satisfies
 * {@code start <= k < end}, keys compared column by column in primary-key order (SQL row value
 * comparison {@code (a, b) >= (?, ?)}). A null {@code start} means from the first row, a null
 * {@code end} up to the last row. Immutable.
 *
 * @param index position of the chunk in the table, from 0
 * @param start the first key (inclusive), or null
 * @param end   the key after the last (exclusive), or null
 */
public record Chunk(int index, List<Object> start, List<Object> end) {
    public Chunk {
        if (index < 0) {
            throw new IllegalArgumentException("chunk index " + index + " is negative");
        }
        start = start == null ? null : Collections.unmodifiableList(List.copyOf(start));
        end = end == null ? null : Collections.unmodifiableList(List.copyOf(end));
    }

    /** The whole table as one chunk (tables without a primary key, small tables). */
    public static Chunk wholeTable() {
        return new Chunk(0, null, null);
    }

    /** The first chunk, ending before {@code end} (null: the only chunk). */
    public static Chunk first(List<Object> end) {
        return new Chunk(0, null, end);
    }

    /** The chunk after this one, from this chunk's end up to {@code nextEnd} (null: to the last row). */
    public Chunk next(List<Object> nextEnd) {
        if (end == null) {
            throw new IllegalStateException("chunk " + index + " is the last chunk of its table");
        }
        return new Chunk(index + 1, end, nextEnd);
    }

    public boolean isFirst() {
        return start == null;
    }

    public boolean isLast() {
        return end == null;
    }
}
