package dev.cdc.source.mysql.server;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.config.ConfigProblem;
import dev.cdc.core.config.FilterConfig;
import dev.cdc.core.config.RegexList;
import dev.cdc.source.mysql.config.ConnectionConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Part of the live stage of validation: an include list that names a database or table plainly
 * (no regular-expression syntax, e.g. {@code inventory.orders}) must name one that exists, or
 * the connector would start and capture nothing. Patterns ({@code inventory\..*}) may match
 * tables created later and are not checked.
 */
public final class CapturedObjectsCheck {
    static final String DATABASE_INCLUDE_LIST = "database.include.list";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]+");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z0-9_$]+)\\\\?\\.([A-Za-z0-9_$]+)");

    private CapturedObjectsCheck() {
    }

    /** The plainly named databases of a {@code database.include.list} value. */
    static List<String> plainDatabases(String list) {
        return entries(list).stream().filter(entry -> IDENTIFIER.matcher(entry).matches()).toList();
    }

    /** The plainly named tables ({@code db.table}, or {@code db\.table}) of a {@code table.include.list} value, as {db, table}. */
    static List<String[]> plainTables(String list) {
        List<String[]> tables = new ArrayList<>();
        for (String entry : entries(list)) {
            var matcher = TABLE.matcher(entry);
            if (matcher.matches()) {
                tables.add(new String[] {matcher.group(1), matcher.group(2)});
            }
        }
        return tables;
    }

    private static List<String> entries(String list) {
        return list == null || list.isBlank() ? List.of() : RegexList.parse(list).stream().map(Pattern::pattern).toList();
    }

    /** Problems with the include lists of {@code properties} on the server {@code config} points to. */
    public static List<ConfigProblem> check(ConnectionConfig config, Map<String, String> properties) {
        requireNonNull(config, "config is null");
        List<String> databases = plainDatabases(properties.get(DATABASE_INCLUDE_LIST));
        List<String[]> tables = plainTables(properties.get(FilterConfig.TABLE_INCLUDE_LIST));
        if (databases.isEmpty() && tables.isEmpty()) {
            return List.of();
        }
        try (Connection connection = new JdbcConnections(config).open()) {
            Map<String, Set<String>> existing = tablesByDatabase(connection);
            return problems(config.address(), databases, tables, existing);
        } catch (SQLException e) {
            // the login probe reports connection problems; this check has nothing to add then
            return List.of();
        }
    }

    static List<ConfigProblem> problems(String address, List<String> databases, List<String[]> tables, Map<String, Set<String>> existing) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String database : databases) {
            if (find(existing.keySet(), database).isEmpty()) {
                problems.add(new ConfigProblem(DATABASE_INCLUDE_LIST, "database '" + database + "' does not exist on " + address
                        + " or is not visible to the connector's user (databases: " + String.join(", ", existing.keySet()) + ")"));
            }
        }
        for (String[] table : tables) {
            Optional<String> database = find(existing.keySet(), table[0]);
            if (database.isEmpty()) {
                problems.add(new ConfigProblem(FilterConfig.TABLE_INCLUDE_LIST, "table " + table[0] + "." + table[1]
                        + " does not exist on " + address + ": there is no database '" + table[0] + "' visible to the connector's user"));
            } else if (find(existing.get(database.get()), table[1]).isEmpty()) {
                problems.add(new ConfigProblem(FilterConfig.TABLE_INCLUDE_LIST, "table " + table[0] + "." + table[1]
                        + " does not exist on " + address + " (tables of " + database.get() + ": "
                        + String.join(", ", existing.get(database.get())) + "); entries are <database>.<table>"));
            }
        }
        return problems;
    }

    private static Optional<String> find(Set<String> names, String wanted) {
        return names.stream().filter(name -> name.equalsIgnoreCase(wanted)).findFirst();
    }

    private static Map<String, Set<String>> tablesByDatabase(Connection connection) throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SHOW DATABASES")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new TreeSet<>());
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), key -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        tables.keySet().removeIf(name -> Set.of("information_schema", "performance_schema", "sys", "mysql").contains(name.toLowerCase(Locale.ROOT)));
        return tables;
    }
}
