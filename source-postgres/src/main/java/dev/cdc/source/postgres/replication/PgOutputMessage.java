package dev.cdc.source.postgres.replication;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} logical replication protocol (version 1), as
 * documented in "Logical Replication Message Formats". Timestamps are converted to microseconds
 * since the Unix epoch; LSNs are kept as longs.
 */
public sealed interface PgOutputMessage {

    /**
     * Start of a transaction.
     *
     * @param finalLsn          LSN of the transaction's commit record: known at BEGIN, since pgoutput
     *                          sends a transaction only once it committed
     * @param commitTimeMicros  commit time, microseconds since the Unix epoch
     * @param transactionId     the xid
     */
    record Begin(long finalLsn, long commitTimeMicros, long transactionId) implements PgOutputMessage {
    }

    /**
     * End of a transaction.
     *
     * @param commitLsn        LSN of the commit record (the Begin's final LSN)
     * @param endLsn           LSN just after the commit record: confirming it acknowledges the transaction
     * @param commitTimeMicros commit time, microseconds since the Unix epoch
     */
    record Commit(int flags, long commitLsn, long endLsn, long commitTimeMicros) implements PgOutputMessage {
    }

    /** The origin of the transaction's changes (replicated from another node). */
    record Origin(long lsn, String name) implements PgOutputMessage {
    }

    /**
     * A table's columns as they are from this point of the stream on.
     *
     * @param replicaIdentity {@code d} default, {@code n} nothing, {@code f} full, {@code i} index
     */
    record Relation(int relationId, String namespace, String name, char replicaIdentity, List<RelationColumn> columns)
            implements PgOutputMessage {
        public Relation {
            requireNonNull(namespace, "namespace is null");
            requireNonNull(name, "name is null");
            columns = List.copyOf(columns);
        }
    }

    /**
     * One column of a {@link Relation}.
     *
     * @param partOfKey part of the replica identity (the key of DEFAULT, every column of FULL)
     * @param typeModifier {@code atttypmod}, -1 when none
     */
    record RelationColumn(boolean partOfKey, String name, int typeOid, int typeModifier) {
        public RelationColumn {
            requireNonNull(name, "name is null");
        }
    }

    /** A data type that is not built in, named before its first use. */
    record Type(int typeOid, String namespace, String name) implements PgOutputMessage {
    }

    /** A row inserted. */
    record Insert(int relationId, TupleData newTuple) implements PgOutputMessage {
    }

    /**
     * A row updated.
     *
     * @param oldTuple the old key ({@code K}, other columns null) or old row ({@code O}, REPLICA IDENTITY
     *                 FULL); null when the key did not change under REPLICA IDENTITY DEFAULT
     * @param oldIsKeyOnly true when {@code oldTuple} holds only the replica identity columns
     */
    record Update(int relationId, TupleData oldTuple, boolean oldIsKeyOnly, TupleData newTuple) implements PgOutputMessage {
    }

    /** A row deleted; the old key ({@code K}) or old row ({@code O}). */
    record Delete(int relationId, TupleData oldTuple, boolean oldIsKeyOnly) implements PgOutputMessage {
    }

    /**
     * Tables truncated.
     *
     * @param options 1 = CASCADE, 2 = RESTART IDENTITY
     */
    record Truncate(int options, List<Integer> relationIds) implements PgOutputMessage {
        public Truncate {
            relationIds = List.copyOf(relationIds);
        }
    }

    /**
     * A message written with {@code pg_logical_emit_message}.
     *
     * @param transactional true when it was written inside a transaction and sent with it
     * @param lsn           LSN of the message
     */
    record LogicalMessage(boolean transactional, long lsn, String prefix, byte[] content) implements PgOutputMessage {
    }
}
