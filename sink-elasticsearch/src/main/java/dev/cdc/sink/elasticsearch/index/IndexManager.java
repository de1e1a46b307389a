package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.errors.CauseChain;
import dev.cdc.sink.elasticsearch.BadRecordException;
import dev.cdc.sink.elasticsearch.backfill.ColumnDefault;
import dev.cdc.sink.elasticsearch.backfill.FieldBackfill;
import dev.cdc.sink.elasticsearch.client.ElasticsearchStatusException;
import dev.cdc.sink.elasticsearch.document.KeyColumns;
import dev.cdc.sink.elasticsearch.index.IndexTarget.Destination;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.mapping.MappingComparison;
import dev.cdc.sink.elasticsearch.reindex.CopyResult;
import dev.cdc.sink.elasticsearch.reindex.DocumentAdapter;
import dev.cdc.sink.elasticsearch.reindex.IndexCopier;
import dev.cdc.sink.elasticsearch.reindex.ReindexPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, per alias, the concrete index behind it and its mapping ahead of the documents:
 * <ol>
 *   <li>An alias not seen yet is looked up; when it does not exist, {@code <alias>_v1} is created
 *       with the explicit mapping of the first row's schema, the tombstone flag, and the filtered
 *       alias, in one request. When {@code <alias>_v<N+1>} exists as an unfinished copy of the
 *       index behind the alias (a restart during a reindex), the copy starts again.</li>
 *   <li>A row schema not seen yet is compared with the mapping. New fields are added with a
 *       put-mapping before the first document that has them is queued. A field whose mapping
 *       Elasticsearch cannot change in place (type, date format, scaling factor) starts a reindex
 *       ({@link #startReindex}), unless the row is older than the change that gave the index its
 *       mapping (a replay, a lagging partition): its values are then converted.</li>
 *   <li>A column rename from a schema-change event starts a reindex that renames the field
 *       ({@link #renameColumns}).</li>
 *   <li>During a reindex, every document goes to both indexes ({@link #destinations}); the copy
 *       runs on its own thread; once it moved the alias, the next call switches to the new index
 *       and, with {@code drop.old.index}, deletes the old one after the writes in flight.</li>
 *   <li>A truncate creates {@code <alias>_v<N+1>} with the same mapping and, in its {@code _meta},
 *       the truncate's position; the alias moves to it atomically.</li>
 * </ol>
 * Task thread only; the copier threads touch only Elasticsearch and their own state.
 */
public final class IndexManager {
    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)_v(\\d+)");

    private final IndexAdmin admin;
    private final MappingBuilder mappings;
    private final ReindexSettings settings;
    private final Runnable writeBarrier;
    private final Map<String, IndexTarget> targets = new HashMap<>();
    private int copiers;

    /**
     * @param writeBarrier waits until every write queued so far is acknowledged (the bulk writer's
     *                     {@code awaitAll}); run before a copy starts, a truncate, and dropping an index
     */
    public IndexManager(IndexAdmin admin, MappingBuilder mappings, ReindexSettings settings, Runnable writeBarrier) {
        this.admin = requireNonNull(admin, "admin is null");
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.writeBarrier = requireNonNull(writeBarrier, "writeBarrier is null");
    }

    /**
     * The alias's target for a row, its mapping brought up to the row's schema first.
     *
     * @param rowSchema the row's schema; null for a delete or a schemaless row
     * @param position  the change's source position
     * @throws BadRecordException when Elasticsearch refuses the mapping of the row's fields
     */
    public IndexTarget forRow(String alias, Schema rowSchema, long position) {
        IndexTarget target = target(alias, rowSchema);
        if (rowSchema != null && target.destinations(rowSchema) == null) {
            target = evolve(target, rowSchema, position);
        }
        return target;
    }

    /** Where a row's document goes: the index, or during a reindex both (the old one best effort). */
    public List<Destination> destinations(IndexTarget target, Schema rowSchema) {
        List<Destination> known = rowSchema == null ? null : target.destinations(rowSchema);
        if (known != null) {
            return known;
        }
        Map<String, Object> rowProperties = rowSchema == null ? null : mappings.properties(rowSchema);
        List<Destination> where = new ArrayList<>(2);
        if (!target.isReindexing()) {
            where.add(new Destination(target.index(), adapter(rowProperties, target, target.renames(), false), false, target.key()));
        } else {
            IndexTarget next = target.successor();
            Map<String, String> back = ReindexPlan.reversed(target.copier().plan().renames());
            where.add(new Destination(target.index(), adapter(rowProperties, target, back, true), true, target.key()));
            where.add(new Destination(next.index(), adapter(rowProperties, next, next.renames(), false), false, next.key()));
        }
        if (rowSchema != null) {
            target.destinations(rowSchema, where);
        }
        return where;
    }

    /**
     * Where a document of {@code index} can also be read while a reindex fills {@code index}: the
     * index being replaced (complete, it gets every change too) and the copy's rewrite of its
     * documents. Empty when {@code index} is not being filled by a copy.
     */
    public Optional<CopySource> copySource(IndexTarget target, String index) {
        if (!target.isReindexing() || !target.successor().index().equals(index)) {
            return Optional.empty();
        }
        return Optional.of(new CopySource(target.index(), target.copier().plan().sourceToTarget()));
    }

    private static DocumentAdapter adapter(Map<String, Object> rowProperties, IndexTarget index, Map<String, String> renames,
            boolean onlyKnownFields) {
        return rowProperties == null ? DocumentAdapter.IDENTITY
                : ReindexPlan.adapter(rowProperties, index.properties(), renames, onlyKnownFields);
    }

    /** Switches every alias whose copy finished to its new index; rethrows a failed copy. */
    public void finishReindexes() {
        for (IndexTarget target : List.copyOf(targets.values())) {
            reapBackfills(target);
            if (target.isReindexing() && target.copier().result().isDone()) {
                finishReindex(target);
            }
        }
    }

    /** Whether a reindex of the alias is running (for tests and logs). */
    public boolean isReindexing(String alias) {
        IndexTarget target = targets.get(alias);
        return target != null && target.isReindexing();
    }

    private IndexTarget target(String alias, Schema rowSchema) {
        IndexTarget target = targets.get(alias);
        if (target == null) {
            target = open(alias, rowSchema);
            targets.put(alias, target);
        } else if (target.isReindexing() && target.copier().result().isDone()) {
            target = finishReindex(target);
        }
        return target;
    }

    private IndexTarget evolve(IndexTarget target, Schema rowSchema, long position) {
        IndexTarget mapped = target.mappingTarget();
        Map<String, Object> wanted = renamed(mappings.properties(rowSchema), mapped.renames());
        MappingComparison comparison = MappingComparison.of(mapped.properties(), wanted);
        if (!comparison.conflicts().isEmpty()) {
            if (position < mapped.schemaPosition()) {
                LOG.info("Index {}: rows of an older schema (position {}, the mapping holds from {}) have fields {} of another"
                        + " type; their values are converted to the mapping", mapped.index(), position, mapped.schemaPosition(),
                        comparison.conflicts());
            } else {
                if (target.isReindexing()) {
                    LOG.info("Index {}: fields {} changed type again while a reindex runs; waiting for it to finish first",
                            target.alias(), comparison.conflicts());
                    return evolve(awaitReindex(target), rowSchema, position);
                }
                Map<String, Object> properties = new LinkedHashMap<>(target.properties());
                properties.putAll(wanted);
                target = startReindex(target, properties, Map.of(), position, "fields " + describe(comparison.conflicts(), mapped, wanted));
                mapped = target.mappingTarget();
                comparison = MappingComparison.of(mapped.properties(), wanted);
            }
        }
        if (!comparison.missing().isEmpty()) {
            addFields(mapped, comparison.missing());
        }
        destinations(target, rowSchema);
        return target;
    }

    private static String describe(List<String> fields, IndexTarget mapped, Map<String, Object> wanted) {
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            changes.add(field + " (" + MappingComparison.signature(mapped.properties().get(field)) + " -> "
                    + MappingComparison.signature(wanted.get(field)) + ")");
        }
        return String.join(", ", changes) + " changed type";
    }

    /** The row's properties with renamed columns under their new names (rows of the schema before a rename). */
    private static Map<String, Object> renamed(Map<String, Object> properties, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return properties;
        }
        Map<String, Object> renamed = new LinkedHashMap<>(properties);
        renames.forEach((from, to) -> {
            if (properties.containsKey(from) && !properties.containsKey(to)) {
                renamed.put(to, renamed.remove(from));
            }
        });
        return renamed;
    }

    private void addFields(IndexTarget index, Map<String, Object> missing) {
        try {
            admin.putMapping(index.index(), missing);
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 400) {
                throw new BadRecordException("Elasticsearch refused the mapping of the new fields " + missing.keySet() + ": " + e.getMessage(), e);
            }
            throw e;
        }
        index.properties().putAll(missing);
        startBackfills(index, missing.keySet());
    }

    /**
     * A column added with a constant default, as a schema-change event says: documents written
     * before it get the value ({@link FieldBackfill}) once the field is mapped (now, or when the
     * first row with the column maps it), and older changes arriving later get it too
     * ({@link dev.cdc.sink.elasticsearch.backfill.ColumnDefaults#apply}). Kept in the index's
     * {@code _meta}. Skipped when the alias has no index yet (nothing to fill), for a replayed
     * event, and for an event older than the index's mapping.
     */
    public void addColumnDefault(String alias, ColumnDefault column) {
        if (!targets.containsKey(alias) && admin.aliasIndexes(alias).isEmpty()) {
            return;
        }
        IndexTarget current = target(alias, null);
        IndexTarget target = current.isReindexing() ? awaitReindex(current) : current;
        if (target.columnDefaults().contains(column) || column.position() < target.schemaPosition()) {
            return;
        }
        target.columnDefaults().add(column);
        admin.putMeta(target.index(), IndexMeta.fromMeta(admin.mapping(target.index()).meta())
                .withColumnDefaults(target.columnDefaults().literals()).toMeta());
        LOG.info("Index {}: column {} was added at position {} with default {}; documents written before get it{}", target.index(),
                column.field(), column.position(), column.value(),
                target.properties().containsKey(column.field()) ? "" : " once the field is mapped");
        startBackfills(target, List.of(column.field()));
    }

    /** Starts the backfill of each of {@code fields} that has a default and is mapped. */
    private void startBackfills(IndexTarget target, java.util.Collection<String> fields) {
        for (String field : fields) {
            target.columnDefaults().mapped(field, target.properties()).ifPresent(column -> {
                FieldBackfill backfill = new FieldBackfill(admin, target.index(), column, settings.pageSize(), settings.maxRetries(),
                        settings.backoff(), settings.threadPrefix() + "-backfill-" + ++copiers);
                target.backfills().add(backfill);
                backfill.start();
            });
        }
    }

    /** Forgets finished backfills; a failed one is logged and runs again at the next task start. */
    private static void reapBackfills(IndexTarget target) {
        target.backfills().removeIf(backfill -> {
            if (!backfill.result().isDone()) {
                return false;
            }
            if (backfill.result().isCompletedExceptionally() && !backfill.result().isCancelled()) {
                LOG.error("The backfill of {} in {} failed; documents written before the column was added may lack it until"
                        + " the task restarts and runs it again", backfill.column().field(), target.index());
            }
            return true;
        });
    }

    /**
     * Renames columns of an alias's index, as a schema-change event says: a reindex into a new
     * index version whose field {@code to} holds the old {@code from} values. Skipped when the
     * alias has no index yet, when the index has none of the {@code from} fields (a replayed
     * event), or when the event is older than the index's mapping.
     */
    public void renameColumns(String alias, Map<String, String> renames, long position) {
        if (!targets.containsKey(alias) && admin.aliasIndexes(alias).isEmpty()) {
            LOG.info("Column renames {} of {}: no index yet, nothing to rename", renames, alias);
            return;
        }
        IndexTarget current = target(alias, null);
        IndexTarget target = current.isReindexing() ? awaitReindex(current) : current;
        Map<String, String> applicable = new LinkedHashMap<>();
        renames.forEach((from, to) -> {
            if (target.properties().containsKey(from)) {
                applicable.put(from, to);
            }
        });
        if (applicable.isEmpty() || position < target.schemaPosition()) {
            LOG.info("Column renames {} of {} at position {}: already applied (index {} has none of the old fields or its mapping"
                    + " holds from position {})", renames, alias, position, target.index(), target.schemaPosition());
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>(target.properties());
        applicable.forEach((from, to) -> {
            Object mapping = properties.remove(from);
            properties.putIfAbsent(to, mapping);
        });
        startReindex(target, properties, applicable, position, "columns renamed " + applicable);
    }

    /**
     * Brings the alias's index to the record key's columns: an index that does not know its key
     * yet takes this one (kept in its {@code _meta}); a key of other columns in a change newer than
     * the index's mapping (the primary key changed at the source) starts a reindex into
     * {@code <alias>_v<N+1>} that re-keys every document ({@link ReindexPlan#rekey()}). Changes of
     * an older key (a replay, a lagging partition) are written under the index's key columns
     * instead ({@link Destination#id}).
     *
     * @return the alias's target, a reindex possibly started
     */
    public IndexTarget checkKey(IndexTarget target, KeyColumns key, long position) {
        if (key == null) {
            return target;
        }
        IndexTarget mapped = target.mappingTarget();
        if (mapped.key() == null) {
            IndexMeta meta = IndexMeta.fromMeta(admin.mapping(mapped.index()).meta()).withKey(key);
            admin.putMeta(mapped.index(), meta.toMeta());
            mapped.key(key);
            target.forgetDestinations();
            LOG.info("Index {}: documents are keyed by {}", mapped.index(), key.names());
            return target;
        }
        if (mapped.key().names().equals(key.names()) || position < mapped.schemaPosition()) {
            return target;
        }
        IndexTarget current = target.isReindexing() ? awaitReindex(target) : target;
        Map<String, Object> properties = new LinkedHashMap<>(current.properties());
        return startReindex(current, properties, Map.of(), position, "the primary key changed from " + current.key().names() + " to "
                + key.names(), key);
    }

    /**
     * Creates {@code <alias>_v<N+1>} with the new mapping and starts copying into it; from now on
     * documents go to both indexes. Waits first for every write queued so far, so the copy sees it.
     */
    private IndexTarget startReindex(IndexTarget target, Map<String, Object> properties, Map<String, String> renames,
            long position, String reason) {
        return startReindex(target, properties, renames, position, reason, null);
    }

    /** @param rekey the new key columns when the primary key changed, else null */
    private IndexTarget startReindex(IndexTarget target, Map<String, Object> properties, Map<String, String> renames,
            long position, String reason, KeyColumns rekey) {
        writeBarrier.run();
        int version = target.version() + 1;
        String next = target.alias() + "_v" + version;
        IndexAdmin.IndexMapping existing = admin.mappingIfExists(next);
        if (existing != null && target.index().equals(IndexMeta.fromMeta(existing.meta()).reindexFrom())) {
            LOG.info("Reindex of {}: {} is already being filled from {} (by another task of the connector); writing to both"
                    + " and copying too (idempotent)", target.alias(), next, target.index());
            IndexMeta meta = IndexMeta.fromMeta(existing.meta());
            begin(target, new IndexTarget(target.alias(), next, version, existing.properties(), meta),
                    new ReindexPlan(target.alias(), target.index(), next, target.properties(), existing.properties(), meta.reindexRenames(),
                            meta.reindexRekey() ? meta.key() : null));
            return target;
        }
        IndexMeta meta = new IndexMeta(target.truncatedBefore(), position, ReindexPlan.compose(target.renames(), renames),
                target.index(), renames, rekey == null ? target.key() : rekey, rekey != null, target.columnDefaults().literals());
        createFresh(next, properties, meta);
        IndexTarget successor = new IndexTarget(target.alias(), next, version, properties, meta);
        LOG.info("Reindex of {} at position {}: {}; {} cannot take that in place, so {} is created and filled while"
                + " changes go to both", target.alias(), position, reason, target.index(), next);
        begin(target, successor, new ReindexPlan(target.alias(), target.index(), next, target.properties(), properties, renames, rekey));
        return target;
    }

    private void begin(IndexTarget target, IndexTarget successor, ReindexPlan plan) {
        IndexCopier copier = new IndexCopier(admin, plan, settings.pageSize(), settings.maxRetries(), settings.backoff(),
                settings.threadPrefix() + "-reindex-" + ++copiers);
        target.beginReindex(successor, copier);
        copier.start();
    }

    /** Creates an index not behind any alias, replacing a leftover of an interrupted reindex or truncate. */
    private void createFresh(String index, Map<String, Object> properties, IndexMeta meta) {
        if (!admin.createIndex(index, null, properties, meta.toMeta())) {
            LOG.warn("Index {} exists but no alias points at it (left by an interrupted reindex or truncate); replacing it", index);
            admin.deleteIndex(index);
            admin.createIndex(index, null, properties, meta.toMeta());
        }
    }

    private IndexTarget awaitReindex(IndexTarget target) {
        try {
            target.copier().result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the reindex of " + target.alias(), e);
        } catch (ExecutionException | CancellationException e) {
            // reported by finishReindex
        }
        return finishReindex(target);
    }

    private IndexTarget finishReindex(IndexTarget target) {
        IndexTarget next = target.successor();
        CopyResult result;
        try {
            result = target.copier().result().join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConnectException("the reindex of " + target.alias() + " from " + target.index() + " into " + next.index()
                    + " failed: " + CauseChain.describe(cause) + "; readers still see " + target.index()
                    + "; a restart of the task starts the copy again", cause);
        }
        targets.put(target.alias(), next);
        LOG.info("Reindex of {} done ({}): readers see {}, the sink writes only there now", target.alias(), result, next.index());
        target.backfills().forEach(FieldBackfill::cancel);
        startBackfills(next, next.columnDefaults().literals().keySet());
        if (settings.dropOldIndex()) {
            writeBarrier.run();
            admin.deleteIndex(target.index());
        }
        return next;
    }

    private IndexTarget open(String alias, Schema rowSchema) {
        List<String> indexes = admin.aliasIndexes(alias);
        if (indexes.isEmpty()) {
            Map<String, Object> properties = initialProperties(rowSchema);
            String index = alias + "_v1";
            try {
                if (admin.createIndex(index, alias, properties, IndexMeta.FIRST.toMeta())) {
                    return new IndexTarget(alias, index, 1, properties, IndexMeta.FIRST);
                }
            } catch (ElasticsearchStatusException e) {
                throw new ConnectException("cannot create index " + index + " behind alias " + alias + ": " + e.getMessage()
                        + ("invalid_alias_name_exception".equals(e.errorType())
                                ? "; an index named " + alias + " exists: delete or rename it, or change index.name.template"
                                : ""), e);
            }
            indexes = admin.aliasIndexes(alias); // created concurrently by another task
            if (indexes.isEmpty()) {
                throw new ConnectException("index " + index + " exists but alias " + alias + " does not point at it;"
                        + " add the alias or delete the index");
            }
        }
        String index = indexes.stream().max(Comparator.comparingInt(IndexManager::versionOf)).orElseThrow();
        IndexAdmin.IndexMapping mapping = admin.mapping(index);
        IndexMeta meta = IndexMeta.fromMeta(mapping.meta());
        IndexTarget target = new IndexTarget(alias, index, versionOf(index), mapping.properties(), meta);
        LOG.info("Writing alias {} to index {} ({} fields{})", alias, index, mapping.properties().size(),
                target.truncatedBefore() >= 0 ? ", dropping changes before position " + target.truncatedBefore() : "");
        if (settings.dropOldIndex() && meta.reindexFrom() != null && !indexes.contains(meta.reindexFrom())
                && admin.mappingIfExists(meta.reindexFrom()) != null) {
            admin.deleteIndex(meta.reindexFrom());
        }
        resumeReindex(target);
        startBackfills(target, target.columnDefaults().literals().keySet());
        return target;
    }

    /** A copy into {@code <alias>_v<N+1>} that a restart interrupted starts again from the beginning. */
    private void resumeReindex(IndexTarget target) {
        String next = target.alias() + "_v" + (target.version() + 1);
        IndexAdmin.IndexMapping mapping = admin.mappingIfExists(next);
        if (mapping == null) {
            return;
        }
        IndexMeta meta = IndexMeta.fromMeta(mapping.meta());
        if (!target.index().equals(meta.reindexFrom())) {
            LOG.warn("Index {} exists but is not a copy of {}; it is replaced if the sink needs that name", next, target.index());
            return;
        }
        LOG.info("Reindex of {} from {} into {} was interrupted; copying again from the start (documents already copied are"
                + " skipped by version)", target.alias(), target.index(), next);
        IndexTarget successor = new IndexTarget(target.alias(), next, target.version() + 1, mapping.properties(), meta);
        begin(target, successor, new ReindexPlan(target.alias(), target.index(), next, target.properties(), mapping.properties(),
                meta.reindexRenames(), meta.reindexRekey() ? meta.key() : null));
    }

    private Map<String, Object> initialProperties(Schema rowSchema) {
        Map<String, Object> properties = new LinkedHashMap<>(MappingBuilder.systemProperties());
        properties.putAll(mappings.properties(rowSchema));
        return properties;
    }

    /**
     * Empties an alias's index by moving the alias to a new empty index with the same mapping.
     * The caller has waited for every write in flight. A truncate at or before the last one is
     * skipped (a replay). A reindex in progress is abandoned: the new empty index gets its mapping.
     */
    public void truncate(String alias, long position) {
        IndexTarget current = target(alias, null);
        if (position <= current.truncatedBefore()) {
            LOG.info("Skipping the truncate of {} at position {}: already applied (truncated before {})", alias, position,
                    current.truncatedBefore());
            return;
        }
        IndexTarget mapped = current.mappingTarget();
        if (current.isReindexing()) {
            current.copier().cancel();
            admin.deleteIndex(current.successor().index());
            LOG.info("Truncate of {} during a reindex: the copy into {} is abandoned", alias, current.successor().index());
        }
        int version = current.version() + 1;
        String next = alias + "_v" + version;
        IndexMeta meta = mapped.meta().truncatedAt(position);
        createFresh(next, mapped.properties(), meta);
        admin.swapAlias(alias, current.index(), next);
        targets.put(alias, new IndexTarget(alias, next, version, mapped.properties(), meta));
        LOG.info("Truncated {} at position {}: alias moved from {} to the new empty index {}", alias, position, current.index(), next);
        if (settings.dropOldIndex()) {
            admin.deleteIndex(current.index());
        }
    }

    /** Stops running copies (task stop); they start again when the task does. */
    public void close() {
        targets.values().stream().filter(IndexTarget::isReindexing).forEach(target -> target.copier().cancel());
        targets.values().forEach(target -> target.backfills().forEach(FieldBackfill::cancel));
    }

    static int versionOf(String index) {
        Matcher matcher = VERSIONED.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }
}
