package dev.cdc.sink.elasticsearch.config;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The template that names the index (the alias readers query) of a table, e.g.
 * {@code ${db}.${table}} or {@code cdc-${topic}}. Tokens: {@code ${topic}}, {@code ${db}},
 * {@code ${schema}}, {@code ${table}}. The result is lower-cased and every character that
 * Elasticsearch forbids in index names ({@code \ / * ? " < > | , # :} and space) coming from a
 * token value is replaced by {@code _}; the same characters in the template's literal text are
 * rejected when the config is validated.
 */
public final class IndexNameTemplate {
    /** The tokens a template may use. */
    public static final Set<String> TOKENS = Set.of("topic", "db", "schema", "table");
    /** Longest resolved name; Elasticsearch allows 255 bytes and the sink appends {@code _v<N>}. */
    public static final int MAX_NAME_BYTES = 240;
    private static final String FORBIDDEN = "\\/*?\"<>|,#: ";

    private final String template;
    private final List<Segment> segments;

    private IndexNameTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
    }

    /** Parses a template; the message of the exception says what is wrong. */
    public static IndexNameTemplate parse(String template) {
        requireNonNull(template, "template is null");
        if (template.isBlank()) {
            throw new IllegalArgumentException("must not be blank; use e.g. ${db}.${table}");
        }
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("${", at);
            if (open < 0) {
                segments.add(literal(template.substring(at)));
                break;
            }
            if (open > at) {
                segments.add(literal(template.substring(at, open)));
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("has an unclosed token at index " + open + "; tokens are " + tokenList());
            }
            String token = template.substring(open + 2, close);
            if (!TOKENS.contains(token)) {
                throw new IllegalArgumentException("has the unknown token ${" + token + "}; tokens are " + tokenList());
            }
            segments.add(new Segment(token, true));
            at = close + 1;
        }
        Segment first = segments.get(0);
        if (!first.token() && "-_+.".indexOf(first.text().charAt(0)) >= 0) {
            throw new IllegalArgumentException("must not start with '-', '_', '+' or '.' (Elasticsearch index names cannot)");
        }
        return new IndexNameTemplate(template, segments);
    }

    private static Segment literal(String text) {
        for (char c : text.toCharArray()) {
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("contains '" + c + "', which Elasticsearch index names cannot contain (forbidden: "
                        + FORBIDDEN.replace(" ", "space ") + ")");
            }
        }
        return new Segment(text, false);
    }

    private static String tokenList() {
        return "${topic}, ${db}, ${schema}, ${table}";
    }

    /**
     * The index name for a table.
     *
     * @param values the value of each token, null when the record does not carry it
     * @throws IllegalArgumentException when a token the template uses has no value, or the name is too long
     */
    public String resolve(Function<String, String> values) {
        StringBuilder name = new StringBuilder();
        for (Segment segment : segments) {
            if (!segment.token()) {
                name.append(segment.text());
                continue;
            }
            String value = values.apply(segment.text());
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("the index name template " + template + " uses ${" + segment.text()
                        + "}, which this record does not provide");
            }
            name.append(sanitize(value));
        }
        String resolved = name.toString().toLowerCase(Locale.ROOT);
        if (resolved.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("the index name " + resolved + " is longer than " + MAX_NAME_BYTES + " bytes");
        }
        return resolved;
    }

    /** Resolves with a fixed map of token values. */
    public String resolve(Map<String, String> values) {
        return resolve(values::get);
    }

    private static String sanitize(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            clean.append(FORBIDDEN.indexOf(c) >= 0 ? '_' : c);
        }
        return clean.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    private record Segment(String text, boolean token) {
    }
}
