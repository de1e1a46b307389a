package dev.cdc.sink.elasticsearch.reindex;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts one JSON value of a document to the form a field mapping of the new index version
 * expects, when a column's type changed. Values already in that form are returned unchanged, so
 * converting twice is harmless. Returns null when the value cannot be converted (the caller drops
 * the field and counts it):
 * <ul>
 *   <li>text / keyword: numbers as their plain text, booleans as {@code "true"}/{@code "false"},
 *       objects and arrays as their JSON text;</li>
 *   <li>byte / short / integer / long: integral numbers in range; fractions rounded half up (as
 *       MySQL does); numeric strings parsed; booleans as 1/0;</li>
 *   <li>float / double (and scaled_float): numbers; numeric strings parsed;</li>
 *   <li>boolean: booleans; numbers (non-zero is true); {@code "true"/"false"/"1"/"0"};</li>
 *   <li>date with {@code strict_date}: {@code yyyy-MM-dd} (the date part of a date-time string);</li>
 *   <li>other dates: ISO strings as they are; {@code yyyy-MM-dd HH:mm:ss[.f]} becomes
 *       {@code yyyy-MM-ddTHH:mm:ss.SSS} (more fraction digits when the value has them);</li>
 *   <li>any other mapping: the value as it is.</li>
 * </ul>
 */
public final class ValueConverter {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final Set<String> STRINGS = Set.of("text", "keyword", "match_only_text", "wildcard", "constant_keyword");
    private static final Set<String> FLOATS = Set.of("float", "double", "half_float", "scaled_float");
    private static final Map<String, BigInteger[]> INTEGER_RANGES = Map.of(
            "byte", range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            "short", range(Short.MIN_VALUE, Short.MAX_VALUE),
            "integer", range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            "long", range(Long.MIN_VALUE, Long.MAX_VALUE));
    private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter LOOSE_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private ValueConverter() {
    }

    /**
     * The value in the form {@code mapping} expects, or null when it cannot be converted.
     *
     * @param mapping a field mapping such as {@code {"type":"integer"}}
     */
    public static JsonValue convert(JsonValue value, Map<String, Object> mapping) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        String type = String.valueOf(mapping.getOrDefault("type", "object"));
        if (STRINGS.contains(type)) {
            return toText(value);
        }
        if (INTEGER_RANGES.containsKey(type)) {
            return toInteger(value, INTEGER_RANGES.get(type));
        }
        if (FLOATS.contains(type)) {
            return toFloat(value);
        }
        return switch (type) {
            case "boolean" -> toBoolean(value);
            case "date", "date_nanos" -> toDate(value, String.valueOf(mapping.getOrDefault("format", "")));
            case "object", "nested", "flattened" -> value.getValueType() == JsonValue.ValueType.OBJECT ? value : null;
            case "binary" -> value.getValueType() == JsonValue.ValueType.STRING ? value : null;
            default -> value;
        };
    }

    private static JsonValue toText(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> value;
            case NUMBER -> JSON.createValue(plain((JsonNumber) value));
            case TRUE -> JSON.createValue("true");
            case FALSE -> JSON.createValue("false");
            default -> JSON.createValue(value.toString());
        };
    }

    private static JsonValue toInteger(JsonValue value, BigInteger[] range) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return null;
        }
        BigInteger integral = number.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (integral.compareTo(range[0]) < 0 || integral.compareTo(range[1]) > 0) {
            return null;
        }
        if (value instanceof JsonNumber json && json.isIntegral()) {
            return value;
        }
        return JSON.createValue(integral);
    }

    private static JsonValue toFloat(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return value;
        }
        BigDecimal number = decimal(value);
        return number == null ? null : JSON.createValue(number);
    }

    private static JsonValue toBoolean(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> value;
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().signum() != 0 ? JsonValue.TRUE : JsonValue.FALSE;
            case STRING -> switch (((JsonString) value).getString().strip().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> JsonValue.TRUE;
                case "false", "0" -> JsonValue.FALSE;
                default -> null;
            };
            default -> null;
        };
    }

    private static JsonValue toDate(JsonValue value, String format) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return null;
        }
        String text = ((JsonString) value).getString().strip();
        boolean dateOnly = format.equals("strict_date");
        if (dateOnly && ISO_DATE.matcher(text).matches()) {
            return value;
        }
        if (!dateOnly && isIsoDateTime(text)) {
            return value;
        }
        try {
            LocalDateTime parsed = LocalDateTime.parse(text, LOOSE_DATE_TIME);
            return JSON.createValue(dateOnly ? parsed.toLocalDate().toString() : isoMillisOrMore(parsed));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isIsoDateTime(String text) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException notADate) {
                return false;
            }
        }
    }

    /** {@code 2024-01-31T10:11:12.123}, with 6 or 9 fraction digits when the value needs them. */
    static String isoMillisOrMore(LocalDateTime time) {
        int nanos = time.getNano();
        String pattern = nanos % 1_000_000 == 0 ? "uuuu-MM-dd'T'HH:mm:ss.SSS"
                : nanos % 1_000 == 0 ? "uuuu-MM-dd'T'HH:mm:ss.SSSSSS" : "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(time);
    }

    private static BigDecimal decimal(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> BigDecimal.ONE;
            case FALSE -> BigDecimal.ZERO;
            case STRING -> {
                try {
                    yield new BigDecimal(((JsonString) value).getString().strip());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static String plain(JsonNumber number) {
        return number.isIntegral() ? number.bigIntegerValue().toString() : number.bigDecimalValue().toPlainString();
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }
}
