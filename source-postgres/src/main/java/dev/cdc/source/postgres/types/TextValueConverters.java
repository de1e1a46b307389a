package dev.cdc.source.postgres.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.connect.ConnectSchemaNames;

/**
 * Chooses the {@link TextValueConverter} of a column from its {@link ColumnType} and Connect
 * schema (made by {@code ConnectSchemaMapper} with {@code time.precision.mode=adaptive}), so that
 * every value fits the schema. The expected session settings are those of
 * {@code JdbcConnections#SESSION_OPTIONS}: {@code DateStyle=ISO}, {@code IntervalStyle=postgres},
 * {@code bytea_output=hex}, {@code lc_monetary=C}, {@code extra_float_digits=3}.
 */
public final class TextValueConverters {
    private static final Set<String> NOT_A_NUMBER = Set.of("NaN", "Infinity", "-Infinity");

    private TextValueConverters() {
    }

    /** The converter of a column of {@code type} whose Connect schema is {@code schema}. */
    public static TextValueConverter forColumn(ColumnType type, Schema schema) {
        return switch (type.kind()) {
            case BOOLEAN -> text -> text.equals("t") || text.equals("true");
            case INT8, INT16 -> Short::parseShort;
            case INT32 -> Integer::parseInt;
            case INT64 -> Long::parseLong;
            case FLOAT32 -> Float::parseFloat;
            case FLOAT64 -> Double::parseDouble;
            case DECIMAL -> decimal(type, schema);
            case BINARY, VARBINARY -> TextValueConverters::bytea;
            case DATE -> text -> epochDay(text);
            case TIME -> type.precision().orElse(6) <= 3
                    ? text -> (int) (TemporalText.timeMicros(text) / 1_000)
                    : TemporalText::timeMicros;
            case TIME_TZ -> TemporalText::zonedTime;
            case TIMESTAMP -> type.precision().orElse(6) <= 3
                    ? text -> millis(TemporalText.timestampMicros(text))
                    : TemporalText::timestampMicros;
            case TIMESTAMP_TZ -> TemporalText::zonedTimestamp;
            case INTERVAL -> IntervalText::micros;
            case BIT -> type.length().orElse(1) == 1 ? text -> text.equals("1") : TextValueConverters::bits;
            case ARRAY -> array(type.elementType().orElseThrow(), schema.valueSchema());
            default -> text -> text; // text, char, enum, json, uuid, xml, inet, cidr, macaddr and the types carried as text
        };
    }

    private static TextValueConverter decimal(ColumnType type, Schema schema) {
        if (type.nativeTypeName().filter("money"::equals).isPresent()) {
            return text -> money(text).setScale(type.scale().orElse(PgColumnTypes.MONEY_FRACTION_DIGITS), RoundingMode.HALF_UP);
        }
        if (type.hasVariableScale()) {
            return text -> NOT_A_NUMBER.contains(text) ? null : variableScale(new BigDecimal(text), schema);
        }
        int scale = type.scale().orElseThrow();
        return text -> NOT_A_NUMBER.contains(text) ? null : new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
    }

    private static Struct variableScale(BigDecimal value, Schema schema) {
        return new Struct(schema)
                .put(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_SCALE_FIELD, value.scale())
                .put(ConnectSchemaNames.VARIABLE_SCALE_DECIMAL_VALUE_FIELD, value.unscaledValue().toByteArray());
    }

    /** {@code $1,234.56}, {@code -$1,234.56} or {@code ($1.00)} with {@code lc_monetary=C}. */
    static BigDecimal money(String text) {
        boolean negative = text.startsWith("-") || text.startsWith("(");
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.') {
                digits.append(c);
            }
        }
        BigDecimal value = new BigDecimal(digits.toString());
        return negative ? value.negate() : value;
    }

    /** {@code \x0a0b} (bytea_output=hex). */
    static byte[] bytea(String text) {
        if (!text.startsWith("\\x")) {
            throw new IllegalArgumentException("bytea value does not start with \\x; the connector expects bytea_output=hex");
        }
        return HexFormat.of().parseHex(text, 2, text.length());
    }

    private static int epochDay(String text) {
        if (text.equals("infinity")) {
            return Integer.MAX_VALUE;
        }
        if (text.equals("-infinity")) {
            return Integer.MIN_VALUE;
        }
        return Math.toIntExact(TemporalText.date(text).toEpochDay());
    }

    private static long millis(long micros) {
        return micros == TemporalText.POSITIVE_INFINITY || micros == TemporalText.NEGATIVE_INFINITY ? micros : Math.floorDiv(micros, 1_000);
    }

    /** Debezium's Bits: the bit string as an unsigned number, little-endian bytes, {@code ceil(n / 8)} of them. */
    static byte[] bits(String text) {
        byte[] bigEndian = text.isEmpty() ? new byte[0] : new BigInteger(text, 2).toByteArray();
        byte[] littleEndian = new byte[(text.length() + 7) / 8];
        for (int i = 0; i < littleEndian.length && i < bigEndian.length; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return littleEndian;
    }

    private static TextValueConverter array(ColumnType elementType, Schema elementSchema) {
        TextValueConverter element = forColumn(elementType, elementSchema);
        return text -> {
            List<Object> values = new ArrayList<>();
            for (String item : ArrayText.elements(text)) {
                values.add(item == null ? null : element.convert(item));
            }
            return values;
        };
    }
}
