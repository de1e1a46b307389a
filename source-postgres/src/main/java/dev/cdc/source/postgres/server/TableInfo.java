package dev.cdc.source.postgres.server;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.cdc.schema.TableId;

/**
 * A captured table as the catalog describes it now.
 *
 * @param oid             {@code pg_class.oid}
 * @param id              schema and table (with the database as catalog)
 * @param replicaIdentity {@code relreplident}: d default, n nothing, f full, i index
 * @param primaryKey      primary key column names in key order; empty when none
 * @param estimatedRows   {@code reltuples}, 0 when never analysed
 * @param partitioned     a partitioned table ({@code relkind = 'p'}), whose rows live in its partitions
 */
public record TableInfo(long oid, TableId id, char replicaIdentity, List<String> primaryKey, long estimatedRows, boolean partitioned) {
    public TableInfo {
        requireNonNull(id, "id is null");
        primaryKey = List.copyOf(primaryKey);
    }

    /** An ordinary table. */
    public TableInfo(long oid, TableId id, char replicaIdentity, List<String> primaryKey, long estimatedRows) {
        this(oid, id, replicaIdentity, primaryKey, estimatedRows, false);
    }

    /** {@code "public"."orders"}: the table as SQL names it. */
    public String quotedName() {
        return Sql.quote(id.schema().orElseThrow()) + "." + Sql.quote(id.table());
    }

    /** {@code public.orders} for messages. */
    public String displayName() {
        return id.schema().orElseThrow() + "." + id.table();
    }
}
