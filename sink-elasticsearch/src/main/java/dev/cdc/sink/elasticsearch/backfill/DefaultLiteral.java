package dev.cdc.sink.elasticsearch.backfill;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The constant value of a column's default expression as the source wrote it in the schema-change
 * event ({@code 'new'}, {@code 0}, {@code -1.5}, {@code TRUE}; Postgres casts such as
 * {@code 'new'::character varying} dropped), as a JSON value for a document. Expressions without a
 * constant value ({@code CURRENT_TIMESTAMP}, {@code nextval(...)}, {@code uuid()}), bit and hex
 * literals and {@code NULL} give none.
 */
public final class DefaultLiteral {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern CAST = Pattern.compile("::[a-zA-Z_][\\w .\\[\\]()\"]*$");

    private DefaultLiteral() {
    }

    public static Optional<JsonValue> parse(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        String text = expression.strip();
        while (CAST.matcher(text).find()) {
            text = CAST.matcher(text).replaceFirst("").strip();
        }
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return quoted(text.substring(1, text.length() - 1)).map(JSON::createValue);
        }
        if (NUMBER.matcher(text).matches()) {
            return Optional.of(JSON.createValue(new BigDecimal(text)));
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(JsonValue.TRUE);
            case "false" -> Optional.of(JsonValue.FALSE);
            default -> Optional.empty();
        };
    }

    /** The text of a quoted SQL literal: {@code ''} and backslash escapes undone; empty when a lone quote shows it is not one literal. */
    private static Optional<String> quoted(String body) {
        StringBuilder text = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i++;
                    continue;
                }
                return Optional.empty();
            }
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> next;
                });
                continue;
            }
            text.append(c);
        }
        return Optional.of(text.toString());
    }
}
