package dev.cdc.sink.jdbc.table;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.ColumnType.Kind;
import dev.cdc.schema.diff.TypeWidening;

/**
 * Whether a target column can take the values of a record column, compared as logical types after
 * both went through the dialect ({@code Dialect.storedType} for the record side).
 */
public final class TypeCompatibility {
    /** The outcome. */
    public enum Decision {
        /** The target holds every value: same type, a wider one, or text that takes the value's text form. */
        FITS,
        /** The target is narrower, and widening it in place keeps every stored value. */
        WIDEN,
        /** Neither: the column needs a person (or a safe path the sink does not take on its own). */
        INCOMPATIBLE
    }

    private static final Set<Kind> WRITTEN_AS_TEXT = EnumSet.of(Kind.CHAR, Kind.STRING, Kind.JSON, Kind.ENUM, Kind.SET, Kind.UUID,
            Kind.INTERVAL);
    private static final Set<Kind> DATE_TIMES = EnumSet.of(Kind.TIMESTAMP, Kind.TIMESTAMP_TZ);
    private static final int UUID_LENGTH = 36;

    private TypeCompatibility() {
    }

    /**
     * @param target the target column's type; null for a type the sink does not know, which it leaves alone
     * @param record the record column's type as the dialect stores it
     */
    public static Decision decide(ColumnType target, ColumnType record) {
        requireNonNull(record, "record is null");
        if (target == null || target.sameLogicalType(record) || TypeWidening.isWidening(record, target) || holdsAsText(target, record)
                || sameDateTime(target, record)) {
            return Decision.FITS;
        }
        return TypeWidening.isWidening(target, record) ? Decision.WIDEN : Decision.INCOMPATIBLE;
    }

    private static boolean holdsAsText(ColumnType target, ColumnType record) {
        if (!target.kind().isText() || !WRITTEN_AS_TEXT.contains(record.kind())) {
            return false;
        }
        if (target.length().isEmpty()) {
            return target.kind() == Kind.STRING;
        }
        return record.kind() == Kind.UUID && target.length().getAsInt() >= UUID_LENGTH;
    }

    /** Local date-times and instants are both written at UTC, so either column takes either, at no less precision. */
    private static boolean sameDateTime(ColumnType target, ColumnType record) {
        return DATE_TIMES.contains(target.kind()) && DATE_TIMES.contains(record.kind())
                && target.precision().orElse(6) >= record.precision().orElse(6);
    }
}
