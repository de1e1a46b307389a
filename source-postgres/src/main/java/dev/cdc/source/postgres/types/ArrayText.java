package dev.cdc.source.postgres.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL's array literal output, e.g. <code>{1,NULL,"a b","say \"hi\""}</code>, into
 * its element texts (null for an unquoted NULL). Explicit bounds ({@code [0:1]={a,b}}) are dropped;
 * nested arrays are flattened in row-major order (the connector carries one-dimensional arrays).
 */
final class ArrayText {
    private ArrayText() {
    }

    static List<String> elements(String text) {
        int start = text.indexOf('{');
        if (start < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an array literal");
        }
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean hasElement = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
                continue;
            }
            switch (c) {
                case '{' -> { }
                case '"' -> {
                    quoted = true;
                    wasQuoted = true;
                    hasElement = true;
                }
                case ',', '}' -> {
                    if (hasElement || current.length() > 0) {
                        String value = current.toString();
                        elements.add(!wasQuoted && value.equals("NULL") ? null : value);
                    }
                    current.setLength(0);
                    wasQuoted = false;
                    hasElement = false;
                }
                default -> {
                    current.append(c);
                    hasElement = true;
                }
            }
        }
        return elements;
    }
}
