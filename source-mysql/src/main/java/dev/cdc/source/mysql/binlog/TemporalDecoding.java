package dev.cdc.source.mysql.binlog;

import dev.cdc.source.mysql.types.ZeroDates;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Decoding of the binlog's temporal formats into microseconds, in the proleptic Gregorian
 * calendar MySQL uses, where the library falls short: it ignores the sign of TIME (so
 * {@code -00:00:01} comes out as {@code 838:59:59}-ish garbage) and switches to the Julian
 * calendar before 1582-10-15. Formats as in MySQL's {@code my_time.cc}
 * ({@code my_time_packed_from_binary}, {@code my_datetime_packed_from_binary}); integers are
 * big-endian, except DATE's three bytes, which are little-endian.
 */
public final class TemporalDecoding {
    private static final long TIMEF_INT_OFS = 0x800000L;
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long DATETIMEF_INT_OFS = 0x8000000000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private TemporalDecoding() {
    }

    /**
     * DATE: 3 bytes little-endian, {@code day | month << 5 | year << 9}. Microseconds of midnight
     * UTC, or {@link ZeroDates#MARKER} for a zero or partly zero date.
     */
    public static long date(int packed) {
        int day = packed & 31;
        int month = (packed >>> 5) & 15;
        int year = packed >>> 9;
        return localDateTimeMicros(year, month, day, 0, 0, 0, 0);
    }

    /**
     * TIME2 with {@code fsp} fractional digits: signed microseconds.
     *
     * @param bytes {@code 3 + (fsp + 1) / 2} bytes
     */
    public static long time2(int fsp, byte[] bytes) {
        long intPart = bigEndian(bytes, 0, 3) - TIMEF_INT_OFS;
        long packed;
        switch (fsp) {
            case 1, 2 -> {
                int frac = bytes[3] & 0xFF;
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10_000L;
            }
            case 3, 4 -> {
                int frac = (int) bigEndian(bytes, 3, 2);
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100L;
            }
            case 5, 6 -> packed = bigEndian(bytes, 0, 6) - TIMEF_OFS;
            default -> packed = intPart << 24;
        }
        boolean negative = packed < 0;
        long magnitude = Math.abs(packed);
        long hms = magnitude >>> 24;
        long hours = (hms >>> 12) % (1 << 10);
        long minutes = (hms >>> 6) % (1 << 6);
        long seconds = hms % (1 << 6);
        long micros = magnitude % (1L << 24);
        long total = ((hours * 60 + minutes) * 60 + seconds) * MICROS_PER_SECOND + micros;
        return negative ? -total : total;
    }

    /**
     * DATETIME2 with {@code fsp} fractional digits: microseconds since the epoch reading the
     * local date-time as UTC, or {@link ZeroDates#MARKER} for a zero or partly zero date.
     *
     * @param bytes {@code 5 + (fsp + 1) / 2} bytes
     */
    public static long datetime2(int fsp, byte[] bytes) {
        long intPart = bigEndian(bytes, 0, 5) - DATETIMEF_INT_OFS;
        long frac = switch (fsp) {
            case 1, 2 -> bytes[5] * 10_000L;
            case 3, 4 -> (short) bigEndian(bytes, 5, 2) * 100L;
            case 5, 6 -> signed24(bigEndian(bytes, 5, 3));
            default -> 0L;
        };
        long ymd = intPart >>> 17;
        long ym = ymd >>> 5;
        long hms = intPart % (1 << 17);
        return localDateTimeMicros((int) (ym / 13), (int) (ym % 13), (int) (ymd % (1 << 5)), (int) (hms >>> 12),
                (int) ((hms >>> 6) % (1 << 6)), (int) (hms % (1 << 6)), frac);
    }

    /** TIMESTAMP2: 4 bytes of seconds, then the fraction. Microseconds since the epoch; 0 for the zero timestamp. */
    public static long timestamp2(int fsp, byte[] bytes) {
        long seconds = bigEndian(bytes, 0, 4);
        long frac = switch (fsp) {
            case 1, 2 -> (bytes[4] & 0xFF) * 10_000L;
            case 3, 4 -> bigEndian(bytes, 4, 2) * 100L;
            case 5, 6 -> bigEndian(bytes, 4, 3);
            default -> 0L;
        };
        return seconds * MICROS_PER_SECOND + frac;
    }

    /** Bytes of the fractional part of TIME2, DATETIME2 and TIMESTAMP2 with {@code fsp} digits. */
    public static int fractionBytes(int fsp) {
        return (fsp + 1) / 2;
    }

    private static long localDateTimeMicros(int year, int month, int day, int hour, int minute, int second, long micros) {
        if (month == 0 || day == 0) {
            return ZeroDates.MARKER;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return ((epochDay * 24 + hour) * 60 + minute) * 60 * MICROS_PER_SECOND + second * MICROS_PER_SECOND + micros;
        } catch (DateTimeException e) {
            // ALLOW_INVALID_DATES lets a server store 2024-02-30; no calendar has it
            return ZeroDates.MARKER;
        }
    }

    private static long signed24(long value) {
        return (value << 40) >> 40;
    }

    private static long bigEndian(byte[] bytes, int offset, int length) {
        long result = 0;
        for (int i = offset; i < offset + length; i++) {
            result = (result << 8) | (bytes[i] & 0xFF);
        }
        return result;
    }
}
