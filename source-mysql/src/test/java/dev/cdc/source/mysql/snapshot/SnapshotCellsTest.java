package dev.cdc.source.mysql.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.source.mysql.types.MySqlColumn;
import dev.cdc.source.mysql.types.MySqlDataType;
import dev.cdc.source.mysql.types.MySqlType;
import dev.cdc.source.mysql.types.ZeroDates;
import org.junit.jupiter.api.Test;

/** Snapshot cells take the binlog deserializer's forms, so both go through the same converters. */
class SnapshotCellsTest {
    @Test
    void datesAreMicrosecondsOfMidnightUtcAndZeroDatesTheMarker() {
        assertThat(SnapshotCells.date("1970-01-02")).isEqualTo(86_400_000_000L);
        assertThat(SnapshotCells.date("1000-03-01")).isEqualTo(java.time.LocalDate.of(1000, 3, 1).toEpochDay() * 86_400_000_000L);
        assertThat(SnapshotCells.date("0000-00-00")).isEqualTo(ZeroDates.MARKER);
        assertThat(SnapshotCells.date("2024-02-00")).isEqualTo(ZeroDates.MARKER);
        assertThat(SnapshotCells.date(null)).isNull();
    }

    @Test
    void dateTimesKeepEveryFractionalDigit() {
        assertThat(SnapshotCells.dateTime("2024-01-02 03:04:05.001")).isEqualTo(1_704_164_645_001_000L);
        assertThat(SnapshotCells.dateTime("2024-01-02 03:04:05.123456")).isEqualTo(1_704_164_645_123_456L);
        assertThat(SnapshotCells.dateTime("0000-00-00 00:00:00")).isEqualTo(ZeroDates.MARKER);
        assertThat(SnapshotCells.timestamp("0000-00-00 00:00:00")).isZero();
        assertThat(SnapshotCells.timestamp("1970-01-01 00:00:01.5")).isEqualTo(1_500_000L);
    }

    @Test
    void timesAreSignedMicrosecondsBeyondADay() {
        assertThat(SnapshotCells.time("-838:59:59.999000")).isEqualTo(-(838 * 3600 + 59 * 60 + 59) * 1_000_000L - 999_000L);
        assertThat(SnapshotCells.time("-00:00:01")).isEqualTo(-1_000_000L);
        assertThat(SnapshotCells.time("12:00:00.5")).isEqualTo(43_200_500_000L);
    }

    @Test
    void temporalEnumSetBitAndYearColumnsAreSelectedInTheBinlogsForm() {
        assertThat(SnapshotCells.expression(MySqlColumn.of("d`t", MySqlType.of(MySqlDataType.DATETIME)))).isEqualTo("CAST(`d``t` AS CHAR)");
        assertThat(SnapshotCells.expression(MySqlColumn.of("e", MySqlType.of(MySqlDataType.ENUM)))).isEqualTo("(`e`+0)");
        assertThat(SnapshotCells.expression(MySqlColumn.of("b", MySqlType.of(MySqlDataType.BIT)))).isEqualTo("(`b`+0)");
        assertThat(SnapshotCells.expression(MySqlColumn.of("v", MySqlType.of(MySqlDataType.VARCHAR)))).isEqualTo("`v`");
    }
}
