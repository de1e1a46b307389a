package dev.cdc.source.postgres.types;

import static java.util.Objects.requireNonNull;

import dev.cdc.schema.ColumnType;

/**
 * Maps a PostgreSQL column type (type oid plus {@code atttypmod}) onto the shared
 * {@link ColumnType}, as Debezium's PostgreSQL connector does by default (see the table in the
 * module README). The native name is kept ({@code int4}, {@code _text}, {@code public.mood}).
 * Types without a mapping of their own (geometric types, ranges, tsvector, composite types,
 * extension types) are carried as their text form, {@code STRING} with the native name.
 */
public final class PgColumnTypes {
    /** Default fractional-second digits of time and timestamp types without a modifier. */
    static final int DEFAULT_TIME_PRECISION = 6;
    /** Digits after the point of {@code money} (Debezium's {@code money.fraction.digits}). */
    public static final int MONEY_FRACTION_DIGITS = 2;
    /** Length of {@code bit varying} without a modifier. */
    static final int UNBOUNDED_BITS = Integer.MAX_VALUE;
    /** {@code VARHDRSZ}: modifiers of length-limited types count it. */
    private static final int VARHDRSZ = 4;

    private final PgTypeRegistry registry;

    public PgColumnTypes(PgTypeRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** The logical type of a column of type {@code typeOid} with modifier {@code typeModifier}. */
    public ColumnType columnType(int typeOid, int typeModifier) {
        PgType declared = registry.get(typeOid);
        PgType type = registry.resolveDomain(declared);
        int modifier = typeModifier == -1 && declared.isDomain() ? declared.baseTypeModifier() : typeModifier;
        return baseType(type, modifier).withNativeTypeName(declared.qualifiedName());
    }

    private ColumnType baseType(PgType type, int modifier) {
        if (type.isArray()) {
            PgType element = registry.resolveDomain(registry.get(type.elementOid()));
            return ColumnType.array(baseType(element, modifier).withNativeTypeName(element.qualifiedName()));
        }
        if (type.isEnum()) {
            return ColumnType.enumOf(type.enumLabels());
        }
        return switch (type.name()) {
            case "bool" -> ColumnType.booleanType();
            case "int2" -> ColumnType.int16();
            case "int4" -> ColumnType.int32();
            case "int8", "oid" -> ColumnType.int64();
            case "float4" -> ColumnType.float32();
            case "float8" -> ColumnType.float64();
            case "numeric" -> numeric(modifier);
            case "money" -> ColumnType.decimalWithUnknownPrecision(MONEY_FRACTION_DIGITS);
            case "varchar" -> modifier >= VARHDRSZ ? ColumnType.string(modifier - VARHDRSZ) : ColumnType.string();
            case "bpchar" -> ColumnType.fixedString(modifier >= VARHDRSZ ? modifier - VARHDRSZ : 1);
            case "bytea" -> ColumnType.varbinary();
            case "date" -> ColumnType.date();
            case "time" -> ColumnType.time(timePrecision(modifier));
            case "timetz" -> ColumnType.timeWithTimeZone(timePrecision(modifier));
            case "timestamp" -> ColumnType.timestamp(timePrecision(modifier));
            case "timestamptz" -> ColumnType.timestampWithTimeZone(timePrecision(modifier));
            case "interval" -> ColumnType.interval();
            case "uuid" -> ColumnType.uuid();
            case "json", "jsonb" -> ColumnType.json();
            case "bit" -> ColumnType.bit(modifier > 0 ? modifier : 1);
            case "varbit" -> ColumnType.bit(modifier > 0 ? modifier : UNBOUNDED_BITS);
            default -> ColumnType.string();
        };
    }

    private static ColumnType numeric(int modifier) {
        if (modifier < VARHDRSZ) {
            return ColumnType.variableScaleDecimal();
        }
        int packed = modifier - VARHDRSZ;
        int precision = (packed >> 16) & 0xFFFF;
        int scale = (short) (packed & 0xFFFF); // PostgreSQL 15 allows negative scales
        return ColumnType.decimal(precision, scale);
    }

    private static int timePrecision(int modifier) {
        return modifier >= 0 && modifier <= DEFAULT_TIME_PRECISION ? modifier : DEFAULT_TIME_PRECISION;
    }
}
