package dev.cdc.schema.connect;

import static java.util.Objects.requireNonNull;

/**
 * How column types map to Connect schemas; each choice mirrors a Debezium connector option and
 * {@link #defaults()} are Debezium's defaults for its MySQL connector.
 *
 * @param decimalHandling        Debezium {@code decimal.handling.mode}
 * @param bigIntUnsignedHandling Debezium {@code bigint.unsigned.handling.mode}
 * @param timePrecision          Debezium {@code time.precision.mode}
 * @param intervalHandling       Debezium {@code interval.handling.mode}
 * @param propagateSourceTypes   Debezium {@code column.propagate.source.type} for every column: add
 *                               the {@code __debezium.source.column.*} parameters and our
 *                               {@link ConnectSchemaNames#LOGICAL_TYPE_PARAMETER}
 */
public record ConnectMappingOptions(DecimalHandling decimalHandling, BigIntUnsignedHandling bigIntUnsignedHandling,
                                    TimePrecision timePrecision, IntervalHandling intervalHandling,
                                    boolean propagateSourceTypes) {

    /** {@code decimal.handling.mode}. */
    public enum DecimalHandling {
        /** Connect {@code Decimal} (bytes with a scale), or Debezium's VariableScaleDecimal struct. */
        PRECISE,
        /** float64, losing precision. */
        DOUBLE,
        /** The plain decimal string. */
        STRING
    }

    /** {@code bigint.unsigned.handling.mode}. */
    public enum BigIntUnsignedHandling {
        /** int64; values above {@link Long#MAX_VALUE} wrap to negative numbers. */
        LONG,
        /** Connect {@code Decimal} with precision 20 and scale 0. */
        PRECISE
    }

    /** {@code time.precision.mode}. */
    public enum TimePrecision {
        /** MySQL's default: TIME is always MicroTime; timestamps adapt to their precision. */
        ADAPTIVE_TIME_MICROSECONDS,
        /** PostgreSQL's default: TIME and timestamps adapt (milli, micro or nano). */
        ADAPTIVE,
        /** Connect's own Date, Time and Timestamp logical types (milliseconds). */
        CONNECT
    }

    /** {@code interval.handling.mode}. */
    public enum IntervalHandling {
        /** int64 MicroDuration. */
        NUMERIC,
        /** ISO-8601 duration string. */
        STRING
    }

    public ConnectMappingOptions {
        requireNonNull(decimalHandling, "decimalHandling is null");
        requireNonNull(bigIntUnsignedHandling, "bigIntUnsignedHandling is null");
        requireNonNull(timePrecision, "timePrecision is null");
        requireNonNull(intervalHandling, "intervalHandling is null");
    }

    /** Debezium's defaults: precise decimals, unsigned BIGINT as long, adaptive_time_microseconds, numeric intervals, no source types. */
    public static ConnectMappingOptions defaults() {
        return new ConnectMappingOptions(DecimalHandling.PRECISE, BigIntUnsignedHandling.LONG,
                TimePrecision.ADAPTIVE_TIME_MICROSECONDS, IntervalHandling.NUMERIC, false);
    }

    public ConnectMappingOptions withDecimalHandling(DecimalHandling value) {
        return new ConnectMappingOptions(value, bigIntUnsignedHandling, timePrecision, intervalHandling, propagateSourceTypes);
    }

    public ConnectMappingOptions withBigIntUnsignedHandling(BigIntUnsignedHandling value) {
        return new ConnectMappingOptions(decimalHandling, value, timePrecision, intervalHandling, propagateSourceTypes);
    }

    public ConnectMappingOptions withTimePrecision(TimePrecision value) {
        return new ConnectMappingOptions(decimalHandling, bigIntUnsignedHandling, value, intervalHandling, propagateSourceTypes);
    }

    public ConnectMappingOptions withIntervalHandling(IntervalHandling value) {
        return new ConnectMappingOptions(decimalHandling, bigIntUnsignedHandling, timePrecision, value, propagateSourceTypes);
    }

    public ConnectMappingOptions withPropagateSourceTypes(boolean value) {
        return new ConnectMappingOptions(decimalHandling, bigIntUnsignedHandling, timePrecision, intervalHandling, value);
    }
}
