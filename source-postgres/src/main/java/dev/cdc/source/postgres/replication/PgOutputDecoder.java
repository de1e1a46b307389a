package dev.cdc.source.postgres.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.cdc.source.postgres.replication.PgOutputMessage.Begin;
import dev.cdc.source.postgres.replication.PgOutputMessage.Commit;
import dev.cdc.source.postgres.replication.PgOutputMessage.Delete;
import dev.cdc.source.postgres.replication.PgOutputMessage.Insert;
import dev.cdc.source.postgres.replication.PgOutputMessage.LogicalMessage;
import dev.cdc.source.postgres.replication.PgOutputMessage.Origin;
import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.RelationColumn;
import dev.cdc.source.postgres.replication.PgOutputMessage.Truncate;
import dev.cdc.source.postgres.replication.PgOutputMessage.Type;
import dev.cdc.source.postgres.replication.PgOutputMessage.Update;

/**
 * Decodes one pgoutput message (protocol version 1, text values) from the payload of an XLogData
 * message. Stateless and thread-safe.
 */
public final class PgOutputDecoder {
    /** Microseconds between the Unix epoch and PostgreSQL's epoch, 2000-01-01. */
    static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /**
     * @throws IllegalArgumentException for an unknown message type or a malformed message
     */
    public PgOutputMessage decode(ByteBuffer buffer) {
        char type = (char) buffer.get();
        try {
            return switch (type) {
                case 'B' -> new Begin(buffer.getLong(), toUnixMicros(buffer.getLong()), Integer.toUnsignedLong(buffer.getInt()));
                case 'C' -> new Commit(buffer.get(), buffer.getLong(), buffer.getLong(), toUnixMicros(buffer.getLong()));
                case 'O' -> new Origin(buffer.getLong(), string(buffer));
                case 'R' -> relation(buffer);
                case 'Y' -> new Type(buffer.getInt(), string(buffer), string(buffer));
                case 'I' -> insert(buffer);
                case 'U' -> update(buffer);
                case 'D' -> delete(buffer);
                case 'T' -> truncate(buffer);
                case 'M' -> message(buffer);
                default -> throw new IllegalArgumentException("unknown pgoutput message type '" + type + "' (" + (int) type
                        + "); this connector reads protocol version 1");
            };
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("pgoutput message '" + type + "' ends early", e);
        }
    }

    static long toUnixMicros(long postgresMicros) {
        return postgresMicros + POSTGRES_EPOCH_MICROS;
    }

    private static Relation relation(ByteBuffer buffer) {
        int relationId = buffer.getInt();
        String namespace = string(buffer);
        String name = string(buffer);
        char replicaIdentity = (char) buffer.get();
        int count = buffer.getShort();
        List<RelationColumn> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (buffer.get() & 1) != 0;
            columns.add(new RelationColumn(key, string(buffer), buffer.getInt(), buffer.getInt()));
        }
        // an empty namespace stands for pg_catalog
        return new Relation(relationId, namespace.isEmpty() ? "pg_catalog" : namespace, name, replicaIdentity, columns);
    }

    private static Insert insert(ByteBuffer buffer) {
        int relationId = buffer.getInt();
        expect(buffer, 'N', "INSERT");
        return new Insert(relationId, tuple(buffer));
    }

    private static Update update(ByteBuffer buffer) {
        int relationId = buffer.getInt();
        char marker = (char) buffer.get();
        TupleData old = null;
        boolean keyOnly = false;
        if (marker == 'K' || marker == 'O') {
            old = tuple(buffer);
            keyOnly = marker == 'K';
            marker = (char) buffer.get();
        }
        if (marker != 'N') {
            throw new IllegalArgumentException("pgoutput UPDATE of relation " + relationId + ": expected 'N', got '" + marker + "'");
        }
        return new Update(relationId, old, keyOnly, tuple(buffer));
    }

    private static Delete delete(ByteBuffer buffer) {
        int relationId = buffer.getInt();
        char marker = (char) buffer.get();
        if (marker != 'K' && marker != 'O') {
            throw new IllegalArgumentException("pgoutput DELETE of relation " + relationId + ": expected 'K' or 'O', got '" + marker + "'");
        }
        return new Delete(relationId, tuple(buffer), marker == 'K');
    }

    private static Truncate truncate(ByteBuffer buffer) {
        int count = buffer.getInt();
        int options = buffer.get();
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(buffer.getInt());
        }
        return new Truncate(options, ids);
    }

    private static LogicalMessage message(ByteBuffer buffer) {
        boolean transactional = (buffer.get() & 1) != 0;
        long lsn = buffer.getLong();
        String prefix = string(buffer);
        byte[] content = new byte[buffer.getInt()];
        buffer.get(content);
        return new LogicalMessage(transactional, lsn, prefix, content);
    }

    private static TupleData tuple(ByteBuffer buffer) {
        int count = buffer.getShort();
        TupleData.Kind[] kinds = new TupleData.Kind[count];
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            char kind = (char) buffer.get();
            switch (kind) {
                case 'n' -> kinds[i] = TupleData.Kind.NULL;
                case 'u' -> kinds[i] = TupleData.Kind.UNCHANGED_TOAST;
                case 't' -> {
                    byte[] bytes = new byte[buffer.getInt()];
                    buffer.get(bytes);
                    kinds[i] = TupleData.Kind.TEXT;
                    texts[i] = new String(bytes, StandardCharsets.UTF_8);
                }
                default -> throw new IllegalArgumentException("pgoutput tuple column " + i + ": unknown value kind '" + kind
                        + "' (binary values are not requested)");
            }
        }
        return new TupleData(kinds, texts);
    }

    private static void expect(ByteBuffer buffer, char marker, String what) {
        char found = (char) buffer.get();
        if (found != marker) {
            throw new IllegalArgumentException("pgoutput " + what + ": expected '" + marker + "', got '" + found + "'");
        }
    }

    /** A NUL-terminated UTF-8 string. */
    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(bytes);
        buffer.get(); // the NUL
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
