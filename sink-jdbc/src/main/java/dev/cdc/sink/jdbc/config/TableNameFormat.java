package dev.cdc.sink.jdbc.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The target table name template ({@code table.name.format}): literal text and the tokens
 * {@code ${topic}} (the topic, dots replaced by underscores, as Debezium's JDBC sink does),
 * {@code ${source.db}}, {@code ${source.schema}} and {@code ${source.table}} (fields of the event's
 * source block; {@code ${source.table}} falls back to the topic's last dot-separated part for
 * records without a source block). One literal dot splits the result into schema (PostgreSQL
 * schema, MySQL database) and table: {@code archive.${source.table}}. Immutable.
 */
public final class TableNameFormat {
    public static final String TOPIC = "topic";
    public static final String SOURCE_DB = "source.db";
    public static final String SOURCE_SCHEMA = "source.schema";
    public static final String SOURCE_TABLE = "source.table";
    private static final Set<String> TOKENS = Set.of(TOPIC, SOURCE_DB, SOURCE_SCHEMA, SOURCE_TABLE);

    private final String template;
    private final List<Part> parts;

    private TableNameFormat(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the unknown token, unclosed brace or extra dot
     */
    public static TableNameFormat parse(String template) {
        requireNonNull(template, "template is null");
        if (template.isBlank()) {
            throw new IllegalArgumentException("must not be empty; e.g. ${source.table} or ${source.db}_${source.table}");
        }
        List<Part> parts = new ArrayList<>();
        int dots = 0;
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                start = template.length();
            }
            if (start > i) {
                String literal = template.substring(i, start);
                dots += literal.chars().filter(c -> c == '.').count();
                parts.add(new Part(literal, false));
            }
            if (start == template.length()) {
                break;
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("has an unclosed '${' at index " + start);
            }
            String token = template.substring(start + 2, end);
            if (!TOKENS.contains(token)) {
                throw new IllegalArgumentException("has the unknown token ${" + token + "}; known tokens are ${topic}, "
                        + "${source.db}, ${source.schema} and ${source.table}");
            }
            parts.add(new Part(token, true));
            i = end + 1;
        }
        if (dots > 1) {
            throw new IllegalArgumentException("has " + dots + " literal dots; one dot at most separates schema (or database) "
                    + "and table, e.g. archive.${source.table}");
        }
        return new TableNameFormat(template, parts);
    }

    /**
     * The name for one record.
     *
     * @param topic       the record's topic
     * @param sourceField the value of a source-block field by name ({@code db}, {@code schema}, {@code table}), or null
     * @throws IllegalArgumentException naming the token that has no value
     */
    public String resolve(String topic, Function<String, String> sourceField) {
        requireNonNull(topic, "topic is null");
        requireNonNull(sourceField, "sourceField is null");
        StringBuilder name = new StringBuilder();
        for (Part part : parts) {
            name.append(part.token ? value(part.text, topic, sourceField) : part.text);
        }
        return name.toString();
    }

    private static String value(String token, String topic, Function<String, String> sourceField) {
        String value = switch (token) {
            case TOPIC -> topic.replace('.', '_');
            case SOURCE_DB -> sourceField.apply("db");
            case SOURCE_SCHEMA -> sourceField.apply("schema");
            default -> {
                String table = sourceField.apply("table");
                yield table != null ? table : topic.substring(topic.lastIndexOf('.') + 1);
            }
        };
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("table.name.format token ${" + token + "} has no value: the record has no source."
                    + token.substring(token.indexOf('.') + 1) + " field");
        }
        return value;
    }

    public String template() {
        return template;
    }

    @Override
    public String toString() {
        return template;
    }

    private record Part(String text, boolean token) {
    }
}
