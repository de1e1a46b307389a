package dev.cdc.schema.history;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

/**
 * The schemas of a source's tables along its log, so that a connector that lags behind a DDL
 * still decodes older rows with the older schema. Positions are the 63-bit source positions of
 * {@code dev.cdc.core.position.SourcePosition}.
 *
 * <p>Contract for implementations (durable ones keep entries in a compacted topic or the
 * connector's offsets, encoded with {@link SchemaHistoryEntryCodec}):
 * <ul>
 *   <li>{@link #record} may be called in any position order; recording a second entry for the
 *       same table and position replaces the first (re-recording after a restart is harmless);</li>
 *   <li>{@link #schemaAt} answers with the entry of greatest position {@code <=} the asked
 *       position: an entry holds from its position on, inclusive, until the next entry of the
 *       same table; a drop entry means no schema;</li>
 *   <li>implementations are safe for use by several threads.</li>
 * </ul>
 */
public interface SchemaHistory {

    /** Records an entry. */
    void record(SchemaHistoryEntry entry);

    /** The schema of {@code table} valid at {@code position}; empty if the table did not exist then. */
    Optional<TableSchema> schemaAt(TableId table, long position);

    /** The tables that exist at {@code position}, unmodifiable. */
    Set<TableId> tablesAt(long position);

    /** Every entry, ordered by position, then by table id. */
    List<SchemaHistoryEntry> entries();
}
