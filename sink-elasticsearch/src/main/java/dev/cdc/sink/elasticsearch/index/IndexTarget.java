package dev.cdc.sink.elasticsearch.index;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;

/**
 * What the sink knows of one alias: the concrete index it writes to ({@code <alias>_v<N>}), that
 * index's top-level fields, the position of the last truncate (changes before it are dropped),
 * and the row schemas already checked against the mapping. Task thread only.
 */
public final class IndexTarget {
    private static final int MAX_CHECKED_SCHEMAS = 1_000;
    private final String alias;
    private final String index;
    private final int version;
    private final Map<String, Object> properties;
    private final long truncatedBefore;
    private final Set<Schema> checkedSchemas = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> reportedConflicts = new HashSet<>();

    IndexTarget(String alias, String index, int version, Map<String, Object> properties, long truncatedBefore) {
        this.alias = requireNonNull(alias, "alias is null");
        this.index = requireNonNull(index, "index is null");
        this.version = version;
        this.properties = new LinkedHashMap<>(requireNonNull(properties, "properties is null"));
        this.truncatedBefore = truncatedBefore;
    }

    public String alias() {
        return alias;
    }

    /** The concrete index writes go to. */
    public String index() {
        return index;
    }

    /** N of {@code <alias>_v<N>}; 0 when the alias points at an index of another name. */
    public int version() {
        return version;
    }

    /** Changes with a position below this one predate the last truncate; -1 when never truncated. */
    public long truncatedBefore() {
        return truncatedBefore;
    }

    /** Whether a change at {@code position} predates the last truncate and must be dropped. */
    public boolean predatesTruncate(long position) {
        return position < truncatedBefore;
    }

    Map<String, Object> properties() {
        return properties;
    }

    /** Marks a schema as checked; false when it was already. */
    boolean markChecked(Schema schema) {
        if (checkedSchemas.size() >= MAX_CHECKED_SCHEMAS) {
            checkedSchemas.clear();
        }
        return checkedSchemas.add(schema);
    }

    /** Whether a mapping conflict is reported for the first time. */
    boolean firstReport(String conflict) {
        return reportedConflicts.add(conflict);
    }
}
