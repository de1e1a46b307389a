package dev.cdc.core.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    @Test
    void rowsOfOneEventIncreaseAndStayBelowTheNextEvent() {
        long first = SourcePosition.mysql(7, 1000, 1200, 0);
        long last = SourcePosition.mysql(7, 1000, 1200, 199);
        long nextEvent = SourcePosition.mysql(7, 1200, 1300, 0);
        assertThat(first).isLessThan(last);
        assertThat(last).isLessThan(nextEvent);
    }

    @Test
    void aNewFileIsAboveEveryOffsetOfThePreviousFile() {
        long endOfBigFile = SourcePosition.mysql(41, 0xFFFF_FF00L, 0xFFFF_FFFFL + 1, 10_000);
        long startOfNextFile = SourcePosition.mysql(42, 4, 120, 0);
        assertThat(endOfBigFile).isLessThan(startOfNextFile);
    }

    @Test
    void compressedEventWithMoreRowsThanBytesSaturatesAtItsLastByte() {
        long saturated = SourcePosition.mysql(3, 500, 540, 10_000);
        assertThat(SourcePosition.mysqlOffset(saturated)).isEqualTo(539);
        assertThat(saturated).isLessThan(SourcePosition.mysql(3, 540, 600, 0));
    }

    @Test
    void largestFileNumberAndOffsetStayPositive() {
        long max = SourcePosition.mysql(SourcePosition.MYSQL_MAX_FILE_NUMBER, 0xFFFF_FFFFL, 0x1_0000_0000L, 0);
        assertThat(max).isPositive().isEqualTo(Long.MAX_VALUE);
        assertThat(SourcePosition.mysqlFileNumber(max)).isEqualTo(SourcePosition.MYSQL_MAX_FILE_NUMBER);
    }

    @Test
    void mysqlPositionDecodesToFileAndOffset() {
        long position = SourcePosition.mysql(123_456, 98_765, 99_000, 3);
        assertThat(SourcePosition.mysqlFileNumber(position)).isEqualTo(123_456);
        assertThat(SourcePosition.mysqlOffset(position)).isEqualTo(98_768);
    }

    @Test
    void fileNumberBeyondThirtyOneBitsIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> SourcePosition.mysql(SourcePosition.MYSQL_MAX_FILE_NUMBER + 1, 4, 100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2147483648")
                .hasMessageContaining("0..2147483647");
    }

    @Test
    void binlogFileNumberIsTheNumericExtension() {
        assertThat(SourcePosition.binlogFileNumber("mysql-bin.000042")).isEqualTo(42);
        assertThat(SourcePosition.binlogFileNumber("mariadb-bin.1234567")).isEqualTo(1_234_567);
        assertThatThrownBy(() -> SourcePosition.binlogFileNumber("mysql-bin"))
                .hasMessageContaining("mysql-bin");
        assertThatThrownBy(() -> SourcePosition.binlogFileNumber("mysql-bin.log"))
                .hasMessageContaining("numeric extension");
    }

    @Test
    void postgresOrdersByCommitLsnThenIndex() {
        long earlierCommitLateChange = SourcePosition.postgres(0x16B3748L, 500);
        long laterCommitFirstChange = SourcePosition.postgres(0x16B3749L, 0);
        assertThat(earlierCommitLateChange).isLessThan(laterCommitFirstChange);
        assertThat(SourcePosition.postgres(0x16B3748L, 1)).isGreaterThan(SourcePosition.postgres(0x16B3748L, 0));
    }

    @Test
    void postgresIndexSaturatesWithinItsTransaction() {
        long saturated = SourcePosition.postgres(1000, 1_000_000);
        assertThat(SourcePosition.postgresIndex(saturated)).isEqualTo(65_535);
        assertThat(SourcePosition.postgresCommitLsn(saturated)).isEqualTo(1000);
        assertThat(saturated).isLessThan(SourcePosition.postgres(1001, 0));
    }

    @Test
    void postgresLsnBeyondFortySevenBitsIsRefused() {
        assertThat(SourcePosition.postgres(SourcePosition.POSTGRES_MAX_LSN, 65_535)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> SourcePosition.postgres(SourcePosition.POSTGRES_MAX_LSN + 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commit LSN");
    }
}
