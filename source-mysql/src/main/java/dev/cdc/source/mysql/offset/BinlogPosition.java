package dev.cdc.source.mysql.offset;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.position.SourcePosition;

/**
 * A place in the binlog: file name and byte offset, ordered by file number then offset. Used for
 * resume points and for the snapshot's watermarks ({@code SHOW MASTER STATUS}).
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {
    public BinlogPosition {
        requireNonNull(file, "file is null");
        if (position < 0) {
            throw new IllegalArgumentException("binlog position " + position + " of " + file + " is negative");
        }
    }

    /** The numeric suffix of the file name: {@code mysql-bin.000042} gives 42. */
    public long fileNumber() {
        return SourcePosition.binlogFileNumber(file);
    }

    /**
     * The 63-bit source position of this place, as carried by snapshot rows whose low watermark it
     * is: the offset in the file with row index 0.
     */
    public long sourcePosition() {
        return SourcePosition.mysql(fileNumber(), position, Long.MAX_VALUE, 0);
    }

    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = Long.compare(fileNumber(), other.fileNumber());
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    public boolean isAtOrAfter(BinlogPosition other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
