package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import dev.cdc.sink.elasticsearch.BadRecordException;
import dev.cdc.sink.elasticsearch.client.ElasticsearchStatusException;
import dev.cdc.sink.elasticsearch.mapping.MappingBuilder;
import dev.cdc.sink.elasticsearch.mapping.MappingComparison;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, per alias, the concrete index the sink writes to, and its mapping ahead of the documents:
 * <ol>
 *   <li>An alias not seen yet is looked up; when it does not exist, {@code <alias>_v1} is created
 *       with the explicit mapping of the first row's schema, the tombstone flag, and the filtered
 *       alias, in one request.</li>
 *   <li>A row schema not checked yet against the index is compared with its mapping; new fields
 *       are added with a put-mapping before the first document that has them is queued.</li>
 *   <li>A truncate creates {@code <alias>_v<N+1>} with the same mapping and, in its {@code _meta},
 *       the truncate's position; the alias moves to it atomically; changes older than that
 *       position are dropped from then on, also after a restart or a replay.</li>
 * </ol>
 * Task thread only.
 */
public final class IndexManager {
    static final String META_KEY = "cdc";
    static final String TRUNCATED_BEFORE = "truncated_before";
    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)_v(\\d+)");

    private final IndexAdmin admin;
    private final MappingBuilder mappings;
    private final boolean dropOldIndex;
    private final Map<String, IndexTarget> targets = new HashMap<>();

    public IndexManager(IndexAdmin admin, MappingBuilder mappings, boolean dropOldIndex) {
        this.admin = requireNonNull(admin, "admin is null");
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.dropOldIndex = dropOldIndex;
    }

    /**
     * The index to write a row to, its mapping extended first when the row schema has fields the
     * index lacks.
     *
     * @param rowSchema the row's schema; null for a delete or a schemaless row
     * @throws BadRecordException when Elasticsearch refuses the mapping of the row's fields
     */
    public IndexTarget forRow(String alias, Schema rowSchema) {
        IndexTarget target = targets.get(alias);
        if (target == null) {
            target = open(alias, rowSchema);
            targets.put(alias, target);
        }
        if (rowSchema != null && target.markChecked(rowSchema)) {
            addMissingFields(target, rowSchema);
        }
        return target;
    }

    private IndexTarget open(String alias, Schema rowSchema) {
        List<String> indexes = admin.aliasIndexes(alias);
        if (indexes.isEmpty()) {
            Map<String, Object> properties = initialProperties(rowSchema);
            String index = alias + "_v1";
            try {
                if (admin.createIndex(index, alias, properties, meta(-1))) {
                    return new IndexTarget(alias, index, 1, properties, -1);
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
        IndexTarget target = new IndexTarget(alias, index, versionOf(index), mapping.properties(), truncatedBefore(mapping.meta()));
        LOG.info("Writing alias {} to index {} ({} fields{})", alias, index, mapping.properties().size(),
                target.truncatedBefore() >= 0 ? ", dropping changes before position " + target.truncatedBefore() : "");
        return target;
    }

    private Map<String, Object> initialProperties(Schema rowSchema) {
        Map<String, Object> properties = new LinkedHashMap<>(MappingBuilder.systemProperties());
        properties.putAll(mappings.properties(rowSchema));
        return properties;
    }

    private void addMissingFields(IndexTarget target, Schema rowSchema) {
        MappingComparison comparison = MappingComparison.of(target.properties(), mappings.properties(rowSchema));
        for (String conflict : comparison.conflicts()) {
            if (target.firstReport(conflict)) {
                LOG.warn("Index {}: {}; the live mapping cannot change a field's type, documents are sent as they are"
                        + " (a reindex into a new index version is not implemented yet)", target.index(), conflict);
            }
        }
        if (comparison.missing().isEmpty()) {
            return;
        }
        try {
            admin.putMapping(target.index(), comparison.missing());
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 400) {
                throw new BadRecordException("Elasticsearch refused the mapping of the new fields " + comparison.missing().keySet()
                        + ": " + e.getMessage(), e);
            }
            throw e;
        }
        target.properties().putAll(comparison.missing());
    }

    /**
     * Empties an alias's index by moving the alias to a new empty index with the same mapping.
     * The caller has waited for every write in flight. A truncate at or before the last one is
     * skipped (a replay).
     */
    public void truncate(String alias, long position) {
        IndexTarget current = forRow(alias, null);
        if (position <= current.truncatedBefore()) {
            LOG.info("Skipping the truncate of {} at position {}: already applied (truncated before {})", alias, position,
                    current.truncatedBefore());
            return;
        }
        String next = alias + "_v" + (current.version() + 1);
        admin.createIndex(next, null, current.properties(), meta(position));
        admin.swapAlias(alias, current.index(), next);
        targets.put(alias, new IndexTarget(alias, next, current.version() + 1, current.properties(), position));
        LOG.info("Truncated {} at position {}: alias moved from {} to the new empty index {}", alias, position, current.index(), next);
        if (dropOldIndex) {
            admin.deleteIndex(current.index());
        }
    }

    /** Forgets what is known of every alias, so the next write reads it again. */
    public void forgetAll() {
        targets.clear();
    }

    static int versionOf(String index) {
        Matcher matcher = VERSIONED.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    private static Map<String, Object> meta(long truncatedBefore) {
        return Map.of(META_KEY, Map.of(TRUNCATED_BEFORE, truncatedBefore));
    }

    private static long truncatedBefore(Map<String, Object> meta) {
        if (meta.get(META_KEY) instanceof Map<?, ?> cdc && cdc.get(TRUNCATED_BEFORE) instanceof Number position) {
            return position.longValue();
        }
        return -1;
    }
}
