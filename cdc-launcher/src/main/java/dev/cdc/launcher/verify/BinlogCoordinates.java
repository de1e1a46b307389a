package dev.cdc.launcher.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A binlog file and position; ordered by the file's numeric extension, then the position. */
record BinlogCoordinates(String file, long position) implements Comparable<BinlogCoordinates> {
    BinlogCoordinates {
        requireNonNull(file, "file is null");
    }

    /** The file and position of a MySQL source offset ({@code file} and {@code pos} keys, as Debezium's). */
    static Optional<BinlogCoordinates> ofOffset(JsonNode offset) {
        if (!offset.hasNonNull("file") || !offset.hasNonNull("pos")) {
            return Optional.empty();
        }
        return Optional.of(new BinlogCoordinates(offset.path("file").asText(), offset.path("pos").asLong()));
    }

    @Override
    public int compareTo(BinlogCoordinates other) {
        int byFile = Long.compare(fileNumber(file), fileNumber(other.file));
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    private static long fileNumber(String file) {
        int dot = file.lastIndexOf('.');
        return Long.parseLong(file.substring(dot + 1));
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
