package dev.cdc.sink.jdbc.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A database type text split into base name, parenthesised arguments and trailing words:
 * {@code "numeric(10,2)"} is {@code numeric [10, 2]}, {@code "time(3) with time zone"} is
 * {@code time [3] "with time zone"}, {@code "enum('a','b')"} keeps the quoted values.
 */
record TypeText(String base, List<String> arguments, String suffix) {
    static TypeText parse(String text) {
        String lower = text.trim();
        int open = lower.indexOf('(');
        if (open < 0) {
            return new TypeText(lower.toLowerCase(Locale.ROOT), List.of(), "");
        }
        int close = closingParenthesis(lower, open);
        String base = lower.substring(0, open).trim().toLowerCase(Locale.ROOT);
        String suffix = lower.substring(close + 1).trim().toLowerCase(Locale.ROOT);
        return new TypeText(base, splitArguments(lower.substring(open + 1, close)), suffix);
    }

    int intArgument(int index, int otherwise) {
        if (arguments.size() <= index) {
            return otherwise;
        }
        try {
            return Integer.parseInt(arguments.get(index).trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The quoted values of an enum or set type, unquoted. */
    List<String> quotedValues() {
        List<String> values = new ArrayList<>();
        for (String argument : arguments) {
            String value = argument.trim();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                values.add(value.substring(1, value.length() - 1).replace("''", "'").replace("\\\\", "\\"));
            }
        }
        return values;
    }

    private static int closingParenthesis(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ')' && !quoted) {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static List<String> splitArguments(String inside) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                arguments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        arguments.add(current.toString());
        return arguments;
    }
}
