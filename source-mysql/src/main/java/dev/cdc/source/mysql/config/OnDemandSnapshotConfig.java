package dev.cdc.source.mysql.config;

import dev.cdc.core.config.ConfigProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * A re-snapshot of chosen tables, asked for by a config change through Connect's REST API: a new
 * {@code snapshot.ondemand.id} with {@code snapshot.ondemand.tables}. The task starts again with the
 * new config, sees an id its offsets have not recorded, and snapshots those tables in chunks while
 * the binlog keeps streaming (see the module README).
 */
public final class OnDemandSnapshotConfig {
    public static final String ID = "snapshot.ondemand.id";
    public static final String TABLES = "snapshot.ondemand.tables";
    private static final String GROUP = "Snapshot";
    private static final Pattern TABLE = Pattern.compile("[^.\\s,]+\\.[^.\\s,]+");

    private final String id;
    private final List<String> tables;

    OnDemandSnapshotConfig(AbstractConfig config) {
        this.id = config.getString(ID).strip();
        this.tables = config.getList(TABLES).stream().map(String::strip).filter(table -> !table.isEmpty()).toList();
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(ID, Type.STRING, "", Importance.LOW,
                        "Any text; a value this connector's offsets have not recorded yet starts a snapshot of "
                                + TABLES + " while streaming goes on. Change it (e.g. to a date) to ask for another one; empty: none.",
                        GROUP, ++order, Width.MEDIUM, "On-demand snapshot id")
                .define(TABLES, Type.LIST, "", (name, value) -> {
                    for (Object table : (List<?>) value) {
                        String text = String.valueOf(table).strip();
                        if (!text.isEmpty() && !TABLE.matcher(text).matches()) {
                            throw new ConfigException(name, value, "a comma-separated list of captured tables as database.table");
                        }
                    }
                }, Importance.LOW, "The captured tables (database.table, comma-separated) that " + ID + " snapshots again.",
                        GROUP, ++order, Width.LONG, "On-demand snapshot tables");
    }

    /** The requested re-snapshot, if any: an id and at least one table. */
    public Optional<Request> request() {
        return id.isEmpty() || tables.isEmpty() ? Optional.empty() : Optional.of(new Request(id, tables));
    }

    /** The problem across the two keys, for validation: an id without tables. */
    static Optional<ConfigProblem> problem(Map<String, ?> properties) {
        Object id = properties.get(ID);
        Object tables = properties.get(TABLES);
        boolean hasId = id != null && !String.valueOf(id).isBlank();
        boolean hasTables = tables != null && !String.valueOf(tables).isBlank();
        return hasId && !hasTables ? Optional.of(new ConfigProblem(TABLES, ID + " is " + id + " but " + TABLES
                + " names no table to snapshot; list the tables as database.table, comma-separated")) : Optional.empty();
    }

    /** @param tables {@code database.table} names */
    public record Request(String id, List<String> tables) {
        public Request {
            tables = List.copyOf(tables);
        }
    }

    @Override
    public String toString() {
        return request().map(request -> "on-demand snapshot " + request.id() + " of " + request.tables()).orElse("no on-demand snapshot");
    }
}
