package dev.cdc.schema.diff;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.ColumnType.Kind;

/**
 * Decides whether a type change is a widening: every value of the old type is a value of the new
 * type, unchanged, so a target can alter the column in place and keep its data. Rules:
 * <ul>
 *   <li>integers to integers whose range contains the old range (INT32 to INT64, INT16 UNSIGNED
 *       to INT32 or to INT16 UNSIGNED... but never signed to unsigned);</li>
 *   <li>integers to floats that hold them exactly (up to 24 bits to FLOAT32, up to 53 to FLOAT64)
 *       and to decimals with enough integer digits; FLOAT32 to FLOAT64;</li>
 *   <li>decimals that keep at least as many integer digits and as many fraction digits (precision
 *       up with the same scale; precision and scale up by the same amount), and any decimal to
 *       one of unknown precision with no smaller scale or to a variable-scale decimal;</li>
 *   <li>CHAR(n) or STRING(n) to STRING(m >= n) or unbounded STRING, CHAR(n) to CHAR(m >= n); a
 *       charset change only counts when both are known and the new one is a full Unicode charset
 *       ({@code utf8mb4}, {@code utf-8}, {@code utf16}, {@code utf32}; not {@code utf8}, which is 3-byte in MySQL);</li>
 *   <li>BINARY(n) or VARBINARY(n) to VARBINARY(m >= n) or unbounded (not BINARY to a longer BINARY:
 *       the padding changes the values);</li>
 *   <li>TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ to the same kind with no fewer fractional digits;</li>
 *   <li>BIT(n) to BIT(m >= n) for n > 1; ENUM and SET to a type whose values include the old ones;</li>
 *   <li>ARRAY to ARRAY of a widened element.</li>
 * </ul>
 * Anything else (including a change of kind not listed) is not a widening. The native type name
 * never matters. Same logical types count as widening (nothing is lost).
 */
public final class TypeWidening {
    private static final Set<String> UNICODE_CHARSETS = Set.of("utf8mb4", "utf-8", "utf16", "utf-16", "utf32", "utf-32");

    private TypeWidening() {
    }

    public static boolean isWidening(ColumnType from, ColumnType to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.sameLogicalType(to)) {
            return true;
        }
        Kind source = from.kind();
        if (source.isInteger()) {
            return integerFitsInto(from, to);
        }
        return switch (source) {
            case FLOAT32 -> to.kind() == Kind.FLOAT64;
            case DECIMAL -> to.kind() == Kind.DECIMAL && decimalFits(from, to);
            case CHAR, STRING -> textFits(from, to);
            case BINARY, VARBINARY -> to.kind() == Kind.VARBINARY && lengthFits(from.length(), to.length());
            case TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ ->
                    to.kind() == source && to.precision().getAsInt() >= from.precision().getAsInt();
            case BIT -> to.kind() == Kind.BIT && from.length().getAsInt() > 1 && to.length().getAsInt() >= from.length().getAsInt();
            case ENUM, SET -> to.kind() == source && to.values().containsAll(from.values());
            case ARRAY -> to.kind() == Kind.ARRAY && isWidening(from.elementType().orElseThrow(), to.elementType().orElseThrow());
            default -> false;
        };
    }

    private static boolean integerFitsInto(ColumnType from, ColumnType to) {
        int bits = bits(from.kind());
        if (to.kind().isInteger()) {
            int toBits = bits(to.kind());
            if (to.isUnsigned()) {
                return from.isUnsigned() && toBits >= bits;
            }
            return from.isUnsigned() ? toBits > bits : toBits >= bits;
        }
        int magnitudeBits = from.isUnsigned() ? bits : bits - 1;
        return switch (to.kind()) {
            case FLOAT32 -> magnitudeBits <= 24;
            case FLOAT64 -> magnitudeBits <= 53;
            case DECIMAL -> to.hasVariableScale() || (to.precision().isPresent() && to.scale().getAsInt() >= 0
                    && to.precision().getAsInt() - to.scale().getAsInt() >= decimalDigits(from));
            default -> false;
        };
    }

    private static boolean decimalFits(ColumnType from, ColumnType to) {
        if (to.hasVariableScale()) {
            return true;
        }
        if (from.hasVariableScale() || to.scale().getAsInt() < from.scale().getAsInt()) {
            return false;
        }
        if (to.precision().isEmpty()) {
            return true;
        }
        if (from.precision().isEmpty()) {
            return false;
        }
        int fromIntegerDigits = from.precision().getAsInt() - from.scale().getAsInt();
        int toIntegerDigits = to.precision().getAsInt() - to.scale().getAsInt();
        return toIntegerDigits >= fromIntegerDigits;
    }

    private static boolean textFits(ColumnType from, ColumnType to) {
        boolean kindFits = to.kind() == Kind.STRING || (to.kind() == Kind.CHAR && from.kind() == Kind.CHAR);
        return kindFits && lengthFits(from.length(), to.length()) && charsetFits(from, to);
    }

    private static boolean charsetFits(ColumnType from, ColumnType to) {
        if (from.charset().isEmpty() || to.charset().isEmpty() || from.charset().get().equalsIgnoreCase(to.charset().get())) {
            return true;
        }
        return UNICODE_CHARSETS.contains(to.charset().get().toLowerCase(Locale.ROOT));
    }

    /** An absent length is unbounded. */
    private static boolean lengthFits(OptionalInt from, OptionalInt to) {
        if (to.isEmpty()) {
            return true;
        }
        return from.isPresent() && to.getAsInt() >= from.getAsInt();
    }

    private static int bits(Kind kind) {
        return switch (kind) {
            case INT8 -> 8;
            case INT16 -> 16;
            case INT32 -> 32;
            case INT64 -> 64;
            default -> throw new IllegalArgumentException(kind + " is not an integer kind");
        };
    }

    /** Decimal digits needed for every value of an integer type. */
    private static int decimalDigits(ColumnType integer) {
        return switch (integer.kind()) {
            case INT8 -> 3;
            case INT16 -> 5;
            case INT32 -> 10;
            default -> integer.isUnsigned() ? 20 : 19;
        };
    }
}
