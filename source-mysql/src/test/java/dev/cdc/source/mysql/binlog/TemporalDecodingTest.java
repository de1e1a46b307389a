package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.source.mysql.types.ZeroDates;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte patterns as MySQL's {@code my_time_packed_to_binary} and friends write them. */
class TemporalDecodingTest {
    private static final long MAX_TIME_SECONDS = 838 * 3600 + 59 * 60 + 59;

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void time2WholeSeconds() {
        assertThat(TemporalDecoding.time2(0, hex("800001"))).isEqualTo(1_000_000L);
        assertThat(TemporalDecoding.time2(0, hex("800000"))).isZero();
        assertThat(TemporalDecoding.time2(0, hex("b46efb"))).isEqualTo(MAX_TIME_SECONDS * 1_000_000L);
    }

    @Test
    void time2NegativeWholeSeconds() {
        assertThat(TemporalDecoding.time2(0, hex("7fffff"))).isEqualTo(-1_000_000L);
    }

    @Test
    void time2TwoDigits() {
        assertThat(TemporalDecoding.time2(2, hex("80c8b84e"))).isEqualTo((12 * 3600 + 34 * 60 + 56) * 1_000_000L + 780_000L);
    }

    @Test
    void time2MostNegativeWithMilliseconds() {
        assertThat(TemporalDecoding.time2(3, hex("4b9104d8fa"))).isEqualTo(-(MAX_TIME_SECONDS * 1_000_000L + 999_000L));
    }

    @Test
    void time2SixDigits() {
        assertThat(TemporalDecoding.time2(6, hex("7fffffffffff"))).isEqualTo(-1L);
        assertThat(TemporalDecoding.time2(6, hex("800000000001"))).isEqualTo(1L);
    }

    @Test
    void datetime2WithMicroseconds() {
        long expected = LocalDateTime.of(2024, 1, 2, 3, 4, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 123_456L;

        assertThat(TemporalDecoding.datetime2(6, hex("99b244310501e240"))).isEqualTo(expected);
        assertThat(TemporalDecoding.datetime2(0, hex("99b2443105"))).isEqualTo(expected - 123_456L);
    }

    @Test
    void datetime2BeforeTheGregorianReformIsProleptic() {
        long expected = LocalDate.of(1000, 3, 1).toEpochDay() * 86_400_000_000L;

        assertThat(TemporalDecoding.datetime2(0, hex("8cb2c20000"))).isEqualTo(expected);
    }

    @Test
    void zeroDatetime2() {
        assertThat(TemporalDecoding.datetime2(0, hex("8000000000"))).isEqualTo(ZeroDates.MARKER);
    }

    @Test
    void date() {
        assertThat(TemporalDecoding.date(0x0fd05d)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000_000L);
    }

    @Test
    void zeroAndPartlyZeroDates() {
        assertThat(TemporalDecoding.date(0)).isEqualTo(ZeroDates.MARKER);
        assertThat(TemporalDecoding.date(0x0fd00f)).as("2024-00-15").isEqualTo(ZeroDates.MARKER);
    }

    @Test
    void invalidDayIsTreatedAsZero() {
        int february30 = (2024 << 9) | (2 << 5) | 30;

        assertThat(TemporalDecoding.date(february30)).isEqualTo(ZeroDates.MARKER);
    }

    @Test
    void timestamp2() {
        assertThat(TemporalDecoding.timestamp2(2, hex("659379250c"))).isEqualTo(0x65937925L * 1_000_000L + 120_000L);
        assertThat(TemporalDecoding.timestamp2(6, hex("00000001000001"))).isEqualTo(1_000_001L);
        assertThat(TemporalDecoding.timestamp2(4, hex("000000002710"))).isEqualTo(1_000_000L);
    }

    @Test
    void fractionBytes() {
        assertThat(TemporalDecoding.fractionBytes(0)).isZero();
        assertThat(TemporalDecoding.fractionBytes(1)).isEqualTo(1);
        assertThat(TemporalDecoding.fractionBytes(4)).isEqualTo(2);
        assertThat(TemporalDecoding.fractionBytes(6)).isEqualTo(3);
    }
}
