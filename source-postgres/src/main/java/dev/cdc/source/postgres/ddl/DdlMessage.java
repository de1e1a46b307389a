package dev.cdc.source.postgres.ddl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import dev.cdc.source.postgres.json.JsonText;

/**
 * One logical message of the {@link DdlCaptureTrigger}: a DDL statement and one table it affected.
 *
 * @param command     the command tag, e.g. {@code ALTER TABLE}, {@code CREATE TABLE}, {@code DROP TABLE}
 * @param tableOid    the table's oid, the relation id of pgoutput's Relation messages
 * @param schema      the table's schema after the statement
 * @param table       the table's name after the statement
 * @param column      the column the command named, by its name after the statement (e.g. the new name
 *                    of a RENAME COLUMN); empty when the command's object is the table
 * @param ddl         the statement text as the client sent it ({@code current_query()}); it may hold
 *                    other statements of the same query string
 */
public record DdlMessage(String command, long tableOid, String schema, String table, Optional<String> column, String ddl) {
    public DdlMessage {
        requireNonNull(command, "command is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        requireNonNull(ddl, "ddl is null");
    }

    /**
     * Reads the message content.
     *
     * @throws IllegalArgumentException when it is not the JSON the trigger writes
     */
    public static DdlMessage parse(byte[] content) {
        requireNonNull(content, "content is null");
        Map<String, Object> json = JsonText.parseObject(new String(content, StandardCharsets.UTF_8));
        return new DdlMessage(text(json, "command"), number(json, "oid"), text(json, "schema"), text(json, "table"),
                Optional.ofNullable((String) json.get("column")), text(json, "ddl"));
    }

    public boolean isDrop() {
        return "DROP TABLE".equals(command);
    }

    /** {@code schema.table} for messages. */
    public String displayName() {
        return schema + "." + table;
    }

    private static String text(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof String value)) {
            throw new IllegalArgumentException("DDL message without text field '" + field + "': " + json);
        }
        return value;
    }

    private static long number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof String text && text.matches("\\d{1,19}")) {
            return Long.parseLong(text); // json_build_object writes an oid as a string
        }
        throw new IllegalArgumentException("DDL message without integer field '" + field + "': " + json);
    }
}
