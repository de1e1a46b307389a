package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables a DDL statement touches, and how: enough to know whose schema to re-read and what
 * kind of schema-change event to emit. Deliberately small; the full DDL parser (package
 * {@code ddl}, by another change) is to replace it, so that schemas come from the DDL instead of
 * {@code information_schema}.
 */
public final class DdlTables {
    private static final String NAME = "(`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(`(?:[^`]|``)+`|[\\w$]+))?";
    private static final Pattern CREATE = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER = Pattern.compile("^ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX = Pattern.compile("^(?:CREATE|DROP)\\s+(?:OR\\s+REPLACE\\s+)?(?:ONLINE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?"
            + "INDEX\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?[`\\w$]+\\s+ON\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RENAME = Pattern.compile("^RENAME\\s+TABLES?\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRUNCATE = Pattern.compile("^TRUNCATE\\s+(?:TABLE\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_NAME = Pattern.compile(NAME);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|--[^\\n]*|#[^\\n]*", Pattern.DOTALL);

    private DdlTables() {
    }

    /** What a statement does to one table. */
    public enum Kind { CREATE, ALTER, DROP, RENAME, TRUNCATE }

    /** One table a statement touches; {@code previous} is the old name of a renamed table. */
    public record Touched(Kind kind, TableId table, TableId previous) {
        public Touched {
            requireNonNull(kind, "kind is null");
            requireNonNull(table, "table is null");
        }
    }

    /** The tables a statement touches, in statement order; empty for statements that change no table. */
    public static List<Touched> of(String sql, String defaultDatabase) {
        String text = COMMENTS.matcher(sql).replaceAll(" ").trim();
        if (text.matches("(?is)^CREATE\\s+(?:OR\\s+REPLACE\\s+)?TEMPORARY.*") || text.matches("(?is)^DROP\\s+TEMPORARY.*")) {
            return List.of();
        }
        Matcher matcher;
        if ((matcher = CREATE.matcher(text)).find()) {
            return List.of(new Touched(Kind.CREATE, table(matcher, defaultDatabase), null));
        }
        if ((matcher = ALTER.matcher(text)).find()) {
            return alter(text, matcher, defaultDatabase);
        }
        if ((matcher = INDEX.matcher(text)).find()) {
            return List.of(new Touched(Kind.ALTER, table(matcher, defaultDatabase), null));
        }
        if ((matcher = TRUNCATE.matcher(text)).find()) {
            return List.of(new Touched(Kind.TRUNCATE, table(matcher, defaultDatabase), null));
        }
        if ((matcher = DROP.matcher(text)).find()) {
            List<Touched> touched = new ArrayList<>();
            for (String name : splitNames(matcher.group(1))) {
                parseName(name, defaultDatabase).ifPresent(id -> touched.add(new Touched(Kind.DROP, id, null)));
            }
            return touched;
        }
        if ((matcher = RENAME.matcher(text)).find()) {
            List<Touched> touched = new ArrayList<>();
            for (String pair : splitNames(matcher.group(1))) {
                String[] parts = pair.split("(?i)\\s+TO\\s+");
                if (parts.length == 2) {
                    Optional<TableId> from = parseName(parts[0], defaultDatabase);
                    Optional<TableId> to = parseName(parts[1], defaultDatabase);
                    if (from.isPresent() && to.isPresent()) {
                        touched.add(new Touched(Kind.RENAME, to.get(), from.get()));
                    }
                }
            }
            return touched;
        }
        return List.of();
    }

    /** {@code ALTER TABLE a RENAME [TO|AS] b} renames; any other ALTER alters. */
    private static List<Touched> alter(String text, Matcher matcher, String defaultDatabase) {
        TableId table = table(matcher, defaultDatabase);
        Matcher rename = Pattern.compile("(?i)\\bRENAME\\s+(?:TO\\s+|AS\\s+)?(?!COLUMN\\b|INDEX\\b|KEY\\b)" + NAME).matcher(text.substring(matcher.end()));
        if (rename.find()) {
            return List.of(new Touched(Kind.RENAME, table(rename, table.catalog().orElse(defaultDatabase)), table));
        }
        return List.of(new Touched(Kind.ALTER, table, null));
    }

    private static List<String> splitNames(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String trimmed = part.trim().replaceAll("(?i)\\s+(RESTRICT|CASCADE)$", "");
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return names;
    }

    private static Optional<TableId> parseName(String text, String defaultDatabase) {
        Matcher matcher = ONE_NAME.matcher(text.trim());
        return matcher.lookingAt() ? Optional.of(table(matcher, defaultDatabase)) : Optional.empty();
    }

    private static TableId table(Matcher matcher, String defaultDatabase) {
        String first = unquote(matcher.group(1));
        String second = matcher.group(2) == null ? null : unquote(matcher.group(2));
        return second == null ? TableId.ofCatalogTable(defaultDatabase, first) : TableId.ofCatalogTable(first, second);
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }
}
