package dev.cdc.sink.jdbc.dialect;

import java.util.List;

/** PostgreSQL array literals ({@code {1,2,NULL}}, {@code {"a","b \"c\""}}), cast to the column's array type. */
final class PostgresArrays {
    private PostgresArrays() {
    }

    static String literal(List<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                out.append("NULL");
            } else if (value instanceof List<?> nested) {
                out.append(literal(nested));
            } else {
                out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }
}
