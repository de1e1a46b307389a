package dev.cdc.sink.jdbc.config;

import java.util.regex.Pattern;

/** Checks the names of the columns the sink adds itself (position, soft-delete flag). */
final class ColumnNames {
    /** PostgreSQL truncates identifiers beyond 63 bytes; MySQL allows 64 characters. */
    static final int MAX_LENGTH = 63;
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private ColumnNames() {
    }

    static String check(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is " + name.length() + " characters long; at most " + MAX_LENGTH
                    + " are allowed (PostgreSQL's identifier limit)");
        }
        if (!SIMPLE.matcher(name).matches()) {
            throw new IllegalArgumentException("must start with a letter or '_' and hold only letters, digits, '_' and '$'");
        }
        return name;
    }
}
