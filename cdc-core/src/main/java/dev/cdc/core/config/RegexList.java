package dev.cdc.core.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A comma-separated list of Java regular expressions, as in Debezium's include/exclude lists
 * ({@code table.include.list=inventory\.orders,shop\..*}).
 *
 * <p>Splitting: a comma separates two patterns unless it is escaped ({@code \,}) or inside
 * {@code (...)}, {@code [...]} or <code>{...}</code>, so {@code a{1,3},b} is two patterns.
 * Each pattern is trimmed; empty ones are dropped. Declare such keys as {@code Type.STRING}
 * (Connect's {@code Type.LIST} splits at every comma before a validator sees the value).
 */
public final class RegexList {
    private RegexList() {
    }

    /**
     * The patterns of a list, compiled.
     *
     * @throws PatternSyntaxException for the first pattern that does not compile
     */
    public static List<Pattern> parse(String list) {
        return split(list).stream().map(Pattern::compile).toList();
    }

    /** The patterns of a list as text, split as described in the class comment. */
    public static List<String> split(String list) {
        requireNonNull(list, "list is null");
        List<String> patterns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length()) {
                current.append(c).append(list.charAt(++i));
                continue;
            }
            if (c == ',' && depth == 0) {
                addTrimmed(patterns, current);
                current.setLength(0);
                continue;
            }
            depth += switch (c) {
                case '(', '[', '{' -> 1;
                case ')', ']', '}' -> depth > 0 ? -1 : 0;
                default -> 0;
            };
            current.append(c);
        }
        addTrimmed(patterns, current);
        return List.copyOf(patterns);
    }

    private static void addTrimmed(List<String> patterns, CharSequence pattern) {
        String trimmed = pattern.toString().trim();
        if (!trimmed.isEmpty()) {
            patterns.add(trimmed);
        }
    }
}
