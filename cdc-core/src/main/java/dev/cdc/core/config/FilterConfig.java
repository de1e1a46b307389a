package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * Which tables and columns a source captures: Debezium's include and exclude lists. Tables live in
 * a container, whose kind the source names in its {@link Definition} ({@code "schema"} gives
 * {@code schema.include.list}, {@code <schema>.<table>}, ...). The keys are
 * {@code <container>.include.list}, {@code <container>.exclude.list}, {@code table.include.list},
 * {@code table.exclude.list} and {@code column.exclude.list}, each a comma-separated list of
 * regular expressions ({@link RegexList}, validated by {@link Validators#regexList()}) matched
 * against {@code <container>}, {@code <container>.<table>} and {@code <container>.<table>.<column>}.
 * An include list and the exclude list of the same kind cannot both be set
 * ({@link Definition#crossFieldProblems}). How names are matched is up to the source's filter
 * {@code F}, which gets the five lists from its {@link FilterFactory}. Immutable.
 *
 * @param <F> the source's filter
 */
public final class FilterConfig<F> {
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String COLUMN_EXCLUDE_LIST = "column.exclude.list";

    static final String GROUP = "Filters";

    private final F filter;

    private FilterConfig(F filter) {
        this.filter = requireNonNull(filter, "filter is null");
    }

    /**
     * Makes a source's filter from the lists, each split with {@link RegexList#split} and empty when unset.
     *
     * @param <F> the source's filter
     */
    @FunctionalInterface
    public interface FilterFactory<F> {
        F create(List<String> containerIncludes, List<String> containerExcludes, List<String> tableIncludes,
                List<String> tableExcludes, List<String> columnExcludes);
    }

    /**
     * What differs between the sources' filter keys.
     *
     * @param container what holds the tables, in the singular and lower case, e.g. {@code "schema"}
     * @param factory   makes the source's filter from the lists
     * @param wording   how the messages of problems across keys are worded
     */
    public record Definition<F>(String container, FilterFactory<F> factory, MessageWording wording) {
        public Definition {
            requireNonNull(container, "container is null");
            if (!container.matches("[a-z]+")) {
                throw new IllegalArgumentException("container '" + container + "' is not a lower-case word such as 'schema'");
            }
            requireNonNull(factory, "factory is null");
            requireNonNull(wording, "wording is null");
        }

        /** {@code <container>.include.list}. */
        public String containerIncludeList() {
            return container + ".include.list";
        }

        /** {@code <container>.exclude.list}. */
        public String containerExcludeList() {
            return container + ".exclude.list";
        }

        /** Declares the five keys in {@code definition} and returns it. */
        public ConfigDef define(ConfigDef definition) {
            String containers = container + "s";
            String title = containers.substring(0, 1).toUpperCase(Locale.ROOT) + containers.substring(1);
            String table = "<" + container + ">.<table>";
            int order = 0;
            return definition
                    .define(containerIncludeList(), Type.STRING, null, Validators.regexList(), Importance.HIGH,
                            "Regular expressions, comma-separated, matching the names of the " + containers + " to capture;"
                                    + " all non-system " + containers + " when empty. Cannot be set with " + containerExcludeList() + ".",
                            GROUP, ++order, Width.LONG, title + " to capture")
                    .define(containerExcludeList(), Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                            "Regular expressions, comma-separated, matching the names of " + containers + " not to capture."
                                    + " Cannot be set with " + containerIncludeList() + ".", GROUP, ++order, Width.LONG, title + " to skip")
                    .define(TABLE_INCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.HIGH,
                            "Regular expressions, comma-separated, matching " + table + " of the tables to capture; all when empty."
                                    + " Cannot be set with " + TABLE_EXCLUDE_LIST + ".", GROUP, ++order, Width.LONG, "Tables to capture")
                    .define(TABLE_EXCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                            "Regular expressions, comma-separated, matching " + table + " of tables not to capture."
                                    + " Cannot be set with " + TABLE_INCLUDE_LIST + ".", GROUP, ++order, Width.LONG, "Tables to skip")
                    .define(COLUMN_EXCLUDE_LIST, Type.STRING, null, Validators.regexList(), Importance.MEDIUM,
                            "Regular expressions, comma-separated, matching " + table + ".<column> of columns left out of"
                                    + " change events.", GROUP, ++order, Width.LONG, "Columns to skip");
        }

        /** The values of a config parsed with a definition made by {@link #define}. */
        public FilterConfig<F> from(AbstractConfig config) {
            return new FilterConfig<>(requireNonNull(factory.create(
                    list(config.getString(containerIncludeList())),
                    list(config.getString(containerExcludeList())),
                    list(config.getString(TABLE_INCLUDE_LIST)),
                    list(config.getString(TABLE_EXCLUDE_LIST)),
                    list(config.getString(COLUMN_EXCLUDE_LIST))), "the factory made a null filter"));
        }

        /**
         * Problems that involve two keys: an include list set (not blank) together with its exclude
         * list. Each such pair gives one problem per key, both with the same message about the include list.
         */
        public List<ConfigProblem> crossFieldProblems(Map<String, ?> values) {
            requireNonNull(values, "values is null");
            List<ConfigProblem> problems = new ArrayList<>();
            exclusive(values, containerIncludeList(), containerExcludeList(), problems);
            exclusive(values, TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST, problems);
            return List.copyOf(problems);
        }

        private void exclusive(Map<String, ?> values, String include, String exclude, List<ConfigProblem> problems) {
            if (isSet(values.get(include)) && isSet(values.get(exclude))) {
                String message = wording.acrossKeys(include, values.get(include),
                        include + " and " + exclude + " cannot both be set; keep one of them");
                problems.add(new ConfigProblem(include, message));
                problems.add(new ConfigProblem(exclude, message));
            }
        }

        private static boolean isSet(Object value) {
            return value != null && !value.toString().isBlank();
        }

        private static List<String> list(String value) {
            return value == null ? List.of() : RegexList.split(value);
        }
    }

    public F filter() {
        return filter;
    }

    @Override
    public String toString() {
        return filter.toString();
    }
}
