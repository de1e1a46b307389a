package dev.cdc.source.mysql.history;

import java.util.ArrayList;
import java.util.List;

/** The values of an {@code enum('a','b')} or {@code set('x','y')} column type, quotes undone. */
final class EnumValues {
    private EnumValues() {
    }

    static List<String> parse(String columnType) {
        int open = columnType.indexOf('(');
        int close = columnType.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("'" + columnType + "' lists no ENUM or SET values");
        }
        List<String> values = new ArrayList<>();
        String inner = columnType.substring(open + 1, close);
        StringBuilder current = null;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\'' && i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
                current.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < inner.length()) {
                current.append(inner.charAt(++i));
            } else if (c == '\'') {
                values.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
        }
        return values;
    }
}
