package dev.cdc.launcher.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;

/**
 * Brings a source value (as MySQL's text protocol gives it, or bytes for binary columns) and a
 * document value (as Elasticsearch's {@code _source} holds it) to one canonical text per column
 * type, so that {@code verify} compares what the values mean, not how each side spells them:
 * decimals by value, dates and timestamps as instants in UTC whether ISO text or epoch numbers,
 * JSON by structure, binary as base64. Null and a missing field are the same.
 */
public final class ValueNormalizer {
    /** Canonical text of a column whose values verify does not compare (spatial types). */
    public static final String NOT_COMPARED = "<not compared>";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final DateTimeFormatter MYSQL_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private ValueNormalizer() {
    }

    /** Canonical text of a source value: a String from the text protocol, or byte[] for binary columns. */
    public static String source(ColumnInfo column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return binary(column, bytes);
        }
        return text(column, value.toString());
    }

    /** Canonical text of a document value; {@code null} or a missing node is null. */
    public static String document(ColumnInfo column, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (kind(column)) {
            case INTEGER -> value.isBoolean() ? (value.asBoolean() ? "1" : "0") : new BigInteger(value.asText()).toString();
            case BOOLEAN -> String.valueOf(value.isBoolean() ? value.asBoolean() : !"0".equals(value.asText()) && !"false".equals(value.asText()));
            case DECIMAL -> decimal(value.asText());
            case FLOAT -> String.valueOf((float) value.asDouble());
            case DOUBLE -> String.valueOf(value.asDouble());
            case JSON -> json(value.isTextual() ? value.asText() : value.toString());
            case DATE -> value.isNumber() ? dateFromNumber(value.asLong()) : date(value.asText());
            case INSTANT -> value.isNumber() ? instantFromNumber(value.asLong()) : instant(value.asText());
            case TIME -> value.isNumber() ? String.valueOf(value.asLong()) : String.valueOf(timeMicros(value.asText()));
            case BINARY, BITS -> value.asText();
            case SPATIAL -> NOT_COMPARED;
            case TEXT -> value.asText();
        };
    }

    private static String text(ColumnInfo column, String value) {
        return switch (kind(column)) {
            case INTEGER -> new BigInteger(value).toString();
            case BOOLEAN -> String.valueOf(!"0".equals(value));
            case DECIMAL -> decimal(value);
            case FLOAT -> String.valueOf(Float.parseFloat(value));
            case DOUBLE -> String.valueOf(Double.parseDouble(value));
            case JSON -> json(value);
            case DATE -> date(value);
            case INSTANT -> instant(value);
            case TIME -> String.valueOf(timeMicros(value));
            case BINARY -> Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            case BITS -> value;
            case SPATIAL -> NOT_COMPARED;
            case TEXT -> value;
        };
    }

    private static String binary(ColumnInfo column, byte[] bytes) {
        return switch (kind(column)) {
            case BOOLEAN -> String.valueOf(bytes.length > 0 && bytes[bytes.length - 1] != 0);
            // Debezium's io.debezium.data.Bits are little-endian; MySQL gives big-endian bytes
            case BITS -> Base64.getEncoder().encodeToString(reversed(bytes));
            case SPATIAL -> NOT_COMPARED;
            case TEXT -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            default -> Base64.getEncoder().encodeToString(bytes);
        };
    }

    enum Kind { INTEGER, BOOLEAN, DECIMAL, FLOAT, DOUBLE, JSON, DATE, INSTANT, TIME, BINARY, BITS, SPATIAL, TEXT }

    static Kind kind(ColumnInfo column) {
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> Kind.INTEGER;
            case "bit" -> column.columnType().equals("bit(1)") ? Kind.BOOLEAN : Kind.BITS;
            case "decimal", "numeric" -> Kind.DECIMAL;
            case "float" -> Kind.FLOAT;
            case "double", "real" -> Kind.DOUBLE;
            case "json" -> Kind.JSON;
            case "date" -> Kind.DATE;
            case "datetime", "timestamp" -> Kind.INSTANT;
            case "time" -> Kind.TIME;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> Kind.BINARY;
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection" -> Kind.SPATIAL;
            default -> Kind.TEXT;
        };
    }

    private static String decimal(String text) {
        BigDecimal value = new BigDecimal(text.trim());
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String json(String text) {
        try {
            Object tree = JSON.readValue(text, Object.class);
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return "<invalid JSON> " + text;
        }
    }

    private static String date(String text) {
        if (text.startsWith("0000-00-00")) {
            return null;
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
    }

    private static String dateFromNumber(long value) {
        // epoch days (Debezium io.debezium.time.Date) or epoch milliseconds
        return Math.abs(value) < 10_000_000L ? LocalDate.ofEpochDay(value).toString()
                : Instant.ofEpochMilli(value).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String instant(String text) {
        if (text.startsWith("0000-00-00")) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(trimmed.replace(' ', 'T')).toInstant().toString();
        }
        return LocalDateTime.parse(trimmed, MYSQL_DATETIME).toInstant(ZoneOffset.UTC).toString();
    }

    private static String instantFromNumber(long value) {
        // epoch microseconds (io.debezium.time.MicroTimestamp) are beyond year 5000 as milliseconds
        return Math.abs(value) > 100_000_000_000_000L
                ? Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1000L)).toString()
                : Instant.ofEpochMilli(value).toString();
    }

    private static long timeMicros(String text) {
        String trimmed = text.trim();
        boolean negative = trimmed.startsWith("-");
        String[] parts = (negative ? trimmed.substring(1) : trimmed).split(":");
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        String[] seconds = parts[2].split("\\.");
        long micros = (hours * 3600 + minutes * 60 + Long.parseLong(seconds[0])) * 1_000_000L;
        if (seconds.length > 1) {
            micros += Long.parseLong((seconds[1] + "000000").substring(0, 6));
        }
        return negative ? -micros : micros;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
