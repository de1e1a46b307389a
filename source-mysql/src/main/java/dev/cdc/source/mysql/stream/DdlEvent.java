package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A statement outside a transaction read from a {@code QUERY} event (DDL, TRUNCATE), with where it
 * is in the binlog and the offset that lies after it.
 *
 * @param defaultDatabase the session's database when the statement ran; may be empty
 * @param position        the 63-bit source position of the statement
 * @param offsetAfter     the offset map of a record emitted for it (the stream continues after it)
 */
public record DdlEvent(String sql, String defaultDatabase, String file, long pos, long position, long serverId, long timestampMillis,
        String gtid, Long thread, Map<String, Object> offsetAfter) {
    public DdlEvent {
        requireNonNull(sql, "sql is null");
        requireNonNull(file, "file is null");
        requireNonNull(offsetAfter, "offsetAfter is null");
        defaultDatabase = defaultDatabase == null ? "" : defaultDatabase;
    }
}
