package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a primary key (one value per key column) as a string that fits a Connect source offset
 * (offset values must be primitives) and reads it back with the same Java types.
 *
 * <p>Format: values separated by {@code ,}, each {@code <tag>:<text>}: {@code y} Byte, {@code h}
 * Short, {@code i} Integer, {@code l} Long, {@code n} BigInteger, {@code d} BigDecimal (scale kept),
 * {@code f} Float, {@code e} Double, {@code z} Boolean, {@code t} java.util.Date (epoch millis),
 * {@code s} String (URL-encoded UTF-8), {@code b} byte[] (base64url). Example:
 * {@code l:45000,s:EU+west}. Sources convert other key types (e.g. {@code LocalDateTime}) to one of
 * these before using the codec.
 */
public final class ChunkKeyCodec {
    private ChunkKeyCodec() {
    }

    /**
     * @throws IllegalArgumentException for a null value or an unsupported type, naming it
     */
    public static String encode(List<?> key) {
        requireNonNull(key, "key is null");
        List<String> parts = new ArrayList<>(key.size());
        for (Object value : key) {
            parts.add(encodeValue(value));
        }
        return String.join(",", parts);
    }

    /**
     * @throws IllegalArgumentException when the text was not made by {@link #encode}
     */
    public static List<Object> decode(String text) {
        requireNonNull(text, "text is null");
        if (text.isEmpty()) {
            return List.of();
        }
        List<Object> key = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            key.add(decodeValue(part, text));
        }
        return List.copyOf(key);
    }

    private static String encodeValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a primary key value is null; key columns cannot be null");
        }
        for (ValueType type : ValueType.values()) {
            if (type.javaType.isInstance(value)) {
                return type.tag + ":" + type.format.apply(value);
            }
        }
        throw new IllegalArgumentException("primary key value of type " + value.getClass().getName()
                + " cannot be stored in an offset; convert it to a number, string or byte[] first");
    }

    private static Object decodeValue(String part, String whole) {
        if (part.length() < 2 || part.charAt(1) != ':') {
            throw new IllegalArgumentException("stored key '" + whole + "' has a malformed value '" + part + "'");
        }
        char tag = part.charAt(0);
        ValueType type = Arrays.stream(ValueType.values()).filter(candidate -> candidate.tag == tag).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stored key '" + whole + "' has an unknown type tag in '" + part + "'"));
        try {
            return type.parse.apply(part.substring(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stored key '" + whole + "' has a malformed value '" + part + "': " + e.getMessage(), e);
        }
    }

    /** The supported key value types, their tags and text forms. */
    private enum ValueType {
        BYTE('y', Byte.class, Object::toString, Byte::valueOf),
        SHORT('h', Short.class, Object::toString, Short::valueOf),
        INTEGER('i', Integer.class, Object::toString, Integer::valueOf),
        LONG('l', Long.class, Object::toString, Long::valueOf),
        BIG_INTEGER('n', BigInteger.class, Object::toString, BigInteger::new),
        BIG_DECIMAL('d', BigDecimal.class, Object::toString, BigDecimal::new),
        FLOAT('f', Float.class, Object::toString, Float::valueOf),
        DOUBLE('e', Double.class, Object::toString, Double::valueOf),
        BOOLEAN('z', Boolean.class, Object::toString, ValueType::parseBoolean),
        DATE('t', Date.class, value -> Long.toString(((Date) value).getTime()), text -> new Date(Long.parseLong(text))),
        STRING('s', String.class, value -> URLEncoder.encode((String) value, StandardCharsets.UTF_8),
                text -> URLDecoder.decode(text, StandardCharsets.UTF_8)),
        BYTES('b', byte[].class, value -> Base64.getUrlEncoder().withoutPadding().encodeToString((byte[]) value),
                text -> Base64.getUrlDecoder().decode(text));

        private final char tag;
        private final Class<?> javaType;
        private final Function<Object, String> format;
        private final Function<String, Object> parse;

        ValueType(char tag, Class<?> javaType, Function<Object, String> format, Function<String, Object> parse) {
            this.tag = tag;
            this.javaType = javaType;
            this.format = format;
            this.parse = parse;
        }

        private static Boolean parseBoolean(String text) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.valueOf(text);
        }
    }
}
