package dev.cdc.source.postgres.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import dev.cdc.core.config.RegexList;
import dev.cdc.core.config.Validators;

/**
 * Which schemas, tables and columns are captured: Debezium's include and exclude lists (see
 * {@link CaptureFilter} for the matching rules). An include list and the exclude list of the same
 * kind cannot both be set.
 */
public final class FilterConfig {
    public static final String SCHEMA_INCLUDE_LIST = "schema.include.list";
    public static final String SCHEMA_EXCLUDE_LIST = "schema.exclude.list";
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String COLUMN_EXCLUDE_LIST = "column.exclude.list";

    private static final String GROUP = "Filters";

    private final CaptureFilter filter;

    FilterConfig(AbstractConfig config) {
        this.filter = new CaptureFilter(
                list(config.getString(SCHEMA_INCLUDE_LIST)),
                list(config.getString(SCHEMA_EXCLUDE_LIST)),
                list(config.getString(TABLE_INCLUDE_LIST)),
                list(config.getString(TABLE_EXCLUDE_LIST)),
                list(config.getString(COLUMN_EXCLUDE_LIST)));
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : RegexList.split(value);
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(SCHEMA_INCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.HIGH,
                        "Regular expressions, comma-separated, matching the names of the schemas to capture; all non-system"
                                + " schemas when empty. Cannot be set with " + SCHEMA_EXCLUDE_LIST + ".",
                        GROUP, ++order, Width.LONG, "Schemas to capture")
                .define(SCHEMA_EXCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                        "Regular expressions, comma-separated, matching the names of schemas not to capture."
                                + " Cannot be set with " + SCHEMA_INCLUDE_LIST + ".", GROUP, ++order, Width.LONG, "Schemas to skip")
                .define(TABLE_INCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.HIGH,
                        "Regular expressions, comma-separated, matching <schema>.<table> of the tables to capture; all when empty."
                                + " Cannot be set with " + TABLE_EXCLUDE_LIST + ".", GROUP, ++order, Width.LONG, "Tables to capture")
                .define(TABLE_EXCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                        "Regular expressions, comma-separated, matching <schema>.<table> of tables not to capture."
                                + " Cannot be set with " + TABLE_INCLUDE_LIST + ".", GROUP, ++order, Width.LONG, "Tables to skip")
                .define(COLUMN_EXCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                        "Regular expressions, comma-separated, matching <schema>.<table>.<column> of columns left out of"
                                + " change events.", GROUP, ++order, Width.LONG, "Columns to skip");
    }

    public CaptureFilter filter() {
        return filter;
    }

    /** Problems that involve two keys: an include list set together with its exclude list. */
    static List<ConfigProblem> crossFieldProblems(Map<String, ?> values) {
        List<ConfigProblem> problems = new ArrayList<>();
        exclusive(values, SCHEMA_INCLUDE_LIST, SCHEMA_EXCLUDE_LIST, problems);
        exclusive(values, TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST, problems);
        return problems;
    }

    private static void exclusive(Map<String, ?> values, String include, String exclude, List<ConfigProblem> problems) {
        if (isSet(values.get(include)) && isSet(values.get(exclude))) {
            String message = "Invalid value " + values.get(include) + " for configuration " + include + ": " + include + " and "
                    + exclude + " cannot both be set; keep one of them";
            problems.add(new ConfigProblem(include, message));
            problems.add(new ConfigProblem(exclude, message));
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !value.toString().isBlank();
    }

    @Override
    public String toString() {
        return filter.toString();
    }
}
