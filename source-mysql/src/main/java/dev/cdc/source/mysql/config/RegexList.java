package dev.cdc.source.mysql.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated list of regular expressions, the way Debezium reads its
 * {@code *.include.list} options: a comma separates two expressions unless it is escaped
 * ({@code \,}) or inside a quantifier such as {@code {1,3}}. Blank items are dropped and items are
 * trimmed.
 */
public final class RegexList {
    private RegexList() {
    }

    public static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        StringBuilder current = new StringBuilder();
        int braceDepth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                if (next == ',') {
                    current.append(',');
                } else {
                    current.append(c).append(next);
                }
                i++;
            } else if (c == '{') {
                braceDepth++;
                current.append(c);
            } else if (c == '}') {
                braceDepth = Math.max(0, braceDepth - 1);
                current.append(c);
            } else if (c == ',' && braceDepth == 0) {
                add(items, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(items, current);
        return items;
    }

    private static void add(List<String> items, StringBuilder item) {
        String trimmed = item.toString().trim();
        if (!trimmed.isEmpty()) {
            items.add(trimmed);
        }
    }
}
