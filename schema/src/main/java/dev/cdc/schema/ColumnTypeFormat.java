package dev.cdc.schema;

import java.util.List;

/** Writes the text form of a {@link ColumnType}; {@link ColumnTypeParser} reads it. */
final class ColumnTypeFormat {
    private ColumnTypeFormat() {
    }

    static String format(ColumnType type) {
        StringBuilder out = new StringBuilder(type.kind().name());
        switch (type.kind()) {
            case INT8, INT16, INT32, INT64 -> {
                if (type.isUnsigned()) {
                    out.append(" UNSIGNED");
                }
            }
            case DECIMAL -> {
                if (!type.hasVariableScale()) {
                    out.append('(')
                            .append(type.precision().isPresent() ? String.valueOf(type.precision().getAsInt()) : "*")
                            .append(',').append(type.scale().getAsInt()).append(')');
                }
            }
            case CHAR, STRING, BINARY, VARBINARY, BIT -> type.length().ifPresent(n -> out.append('(').append(n).append(')'));
            case TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ -> out.append('(').append(type.precision().getAsInt()).append(')');
            case ENUM, SET -> appendValues(out, type.values());
            case ARRAY -> out.append('<').append(format(type.elementType().orElseThrow())).append('>');
            default -> {
                // no attributes
            }
        }
        type.charset().ifPresent(charset -> out.append(" CHARSET ").append(charset));
        return out.toString();
    }

    private static void appendValues(StringBuilder out, List<String> values) {
        out.append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('\'').append(values.get(i).replace("'", "''")).append('\'');
        }
        out.append(')');
    }
}
