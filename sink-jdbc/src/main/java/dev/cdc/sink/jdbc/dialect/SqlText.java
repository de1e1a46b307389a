package dev.cdc.sink.jdbc.dialect;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small helpers for building SQL text. */
final class SqlText {
    private SqlText() {
    }

    static <T> String join(List<T> items, Function<T, String> render) {
        return items.stream().map(render).collect(Collectors.joining(", "));
    }

    static <T> String join(List<T> items, String separator, Function<T, String> render) {
        return items.stream().map(render).collect(Collectors.joining(separator));
    }

    /** {@code rows} copies of {@code row}, comma-separated. */
    static String repeat(String row, int rows) {
        StringBuilder out = new StringBuilder(row.length() * rows + rows * 2);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(row);
        }
        return out.toString();
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
