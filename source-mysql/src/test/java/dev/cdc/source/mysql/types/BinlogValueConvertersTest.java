package dev.cdc.source.mysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.config.BigintUnsignedMode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class BinlogValueConvertersTest {
    private static final BinlogValueConverters MARIADB = new BinlogValueConverters(BigintUnsignedMode.LONG, false);
    private static final BinlogValueConverters MYSQL = new BinlogValueConverters(BigintUnsignedMode.LONG, true);

    private static Object convert(BinlogValueConverters converters, MySqlType type, boolean nullable, Object raw) {
        MySqlColumn column = MySqlColumn.of("c", type).withNullable(nullable);
        Schema schema = ConnectTypes.schema(ColumnTypes.toColumnType(type), nullable, BigintUnsignedMode.LONG);
        Object value = converters.converter(column, schema).convert(raw);
        ConnectSchema.validateValue(schema, value);
        return value;
    }

    private static Object convert(MySqlType type, Object raw) {
        return convert(MARIADB, type, true, raw);
    }

    private static MySqlType type(MySqlDataType dataType) {
        return MySqlType.of(dataType);
    }

    @Test
    void signedIntegers() {
        assertThat(convert(type(MySqlDataType.TINYINT), -128)).isEqualTo((short) -128);
        assertThat(convert(type(MySqlDataType.SMALLINT), -32768)).isEqualTo((short) -32768);
        assertThat(convert(type(MySqlDataType.MEDIUMINT), -8_388_608)).isEqualTo(-8_388_608);
        assertThat(convert(type(MySqlDataType.INT), Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(convert(type(MySqlDataType.BIGINT), Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void unsignedIntegersFromSignExtendedBinlogValues() {
        assertThat(convert(type(MySqlDataType.TINYINT).withUnsigned(true), -1)).isEqualTo((short) 255);
        assertThat(convert(type(MySqlDataType.SMALLINT).withUnsigned(true), -1)).isEqualTo(65_535);
        assertThat(convert(type(MySqlDataType.MEDIUMINT).withUnsigned(true), -1)).isEqualTo(16_777_215);
        assertThat(convert(type(MySqlDataType.INT).withUnsigned(true), -1)).isEqualTo(4_294_967_295L);
        assertThat(convert(type(MySqlDataType.BIGINT).withUnsigned(true), 42L)).isEqualTo(42L);
    }

    @Test
    void bigintUnsignedLongModeWraps() {
        assertThat(convert(type(MySqlDataType.BIGINT).withUnsigned(true), -1L)).isEqualTo(-1L);
    }

    @Test
    void bigintUnsignedPreciseMode() {
        MySqlType type = type(MySqlDataType.BIGINT).withUnsigned(true);
        MySqlColumn column = MySqlColumn.of("c", type);
        Schema schema = ConnectTypes.schema(ColumnTypes.toColumnType(type), true, BigintUnsignedMode.PRECISE);

        Object value = new BinlogValueConverters(BigintUnsignedMode.PRECISE, false).converter(column, schema).convert(-1L);

        assertThat(value).isEqualTo(new BigDecimal("18446744073709551615"));
        ConnectSchema.validateValue(schema, value);
    }

    @Test
    void decimalKeepsTheColumnScale() {
        MySqlType type = type(MySqlDataType.DECIMAL).withPrecisionAndScale(12, 3);

        assertThat(convert(type, new BigDecimal("-123.456"))).isEqualTo(new BigDecimal("-123.456"));
        assertThat(convert(type, new BigDecimal("5"))).isEqualTo(new BigDecimal("5.000"));
    }

    @Test
    void floats() {
        assertThat(convert(type(MySqlDataType.FLOAT), 1.1f)).isEqualTo(1.1f);
        assertThat(convert(type(MySqlDataType.FLOAT).withPrecisionAndScale(7, 2), 3.14f)).as("FLOAT(M,D) is FLOAT64 as in Debezium")
                .isEqualTo(3.14d);
        assertThat(convert(type(MySqlDataType.DOUBLE), 2.5e100)).isEqualTo(2.5e100);
    }

    @Test
    void bits() {
        BitSet one = new BitSet();
        one.set(0);
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(8);

        assertThat(convert(type(MySqlDataType.BIT).withLength(1), one)).isEqualTo(true);
        assertThat(convert(type(MySqlDataType.BIT).withLength(1), new BitSet())).isEqualTo(false);
        assertThat((byte[]) convert(type(MySqlDataType.BIT).withLength(9), bits)).containsExactly(1, 1);
        assertThat((byte[]) convert(type(MySqlDataType.BIT).withLength(16), one)).as("padded to the column width").containsExactly(1, 0);
    }

    @Test
    void textInItsCharset() {
        assertThat(convert(type(MySqlDataType.VARCHAR).withCharset("utf8mb4"), "é€😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("é€😀");
        assertThat(convert(type(MySqlDataType.CHAR).withCharset("latin1"), new byte[] {(byte) 0x80, (byte) 0xff})).isEqualTo("€ÿ");
        assertThat(convert(type(MySqlDataType.TEXT).withCharset("cp1251"), new byte[] {(byte) 0xc4, (byte) 0xe0})).isEqualTo("Да");
        assertThat(convert(type(MySqlDataType.MEDIUMTEXT).withCharset("gbk"), "中文".getBytes(Charset.forName("GBK")))).isEqualTo("中文");
        assertThat(convert(type(MySqlDataType.VARCHAR).withCharset("ucs2"), new byte[] {0, 0x41})).isEqualTo("A");
    }

    @Test
    void binary() {
        assertThat((byte[]) convert(type(MySqlDataType.BINARY).withLength(4), new byte[] {1, 2})).as("trailing zero bytes restored")
                .containsExactly(1, 2, 0, 0);
        assertThat((byte[]) convert(type(MySqlDataType.VARBINARY).withLength(4), new byte[] {1, 0})).containsExactly(1, 0);
        assertThat((byte[]) convert(type(MySqlDataType.LONGBLOB), new byte[] {(byte) 0xca, (byte) 0xfe})).containsExactly(0xca, 0xfe);
    }

    @Test
    void dateAsEpochDay() {
        assertThat(convert(type(MySqlDataType.DATE), 19_782L * 86_400_000_000L)).isEqualTo(19_782);
        assertThat(convert(type(MySqlDataType.DATE), -1L * 86_400_000_000L)).isEqualTo(-1);
    }

    @Test
    void zeroDates() {
        assertThat(convert(MARIADB, type(MySqlDataType.DATE), true, ZeroDates.MARKER)).isNull();
        assertThat(convert(MARIADB, type(MySqlDataType.DATE), false, ZeroDates.MARKER)).isEqualTo(0);
        assertThat(convert(MARIADB, type(MySqlDataType.DATETIME), true, ZeroDates.MARKER)).isNull();
        assertThat(convert(MARIADB, type(MySqlDataType.DATETIME).withPrecision(6), false, ZeroDates.MARKER)).isEqualTo(0L);
        assertThat(convert(MARIADB, type(MySqlDataType.TIMESTAMP), true, 0L)).isNull();
        assertThat(convert(MARIADB, type(MySqlDataType.TIMESTAMP).withPrecision(3), false, 0L)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void timeAsSignedMicroseconds() {
        assertThat(convert(type(MySqlDataType.TIME).withPrecision(3), -3_020_399_999_000L)).isEqualTo(-3_020_399_999_000L);
    }

    @Test
    void datetimeMillisecondsOrMicroseconds() {
        long micros = 1_704_164_645_123_456L;

        assertThat(convert(type(MySqlDataType.DATETIME).withPrecision(6), micros)).isEqualTo(micros);
        assertThat(convert(type(MySqlDataType.DATETIME).withPrecision(3), 1_704_164_645_123_000L)).isEqualTo(1_704_164_645_123L);
        assertThat(convert(type(MySqlDataType.DATETIME), -1L)).as("floor before the epoch").isEqualTo(-1L);
    }

    @Test
    void timestampInUtcWithTheColumnsDigits() {
        long micros = 1_704_164_645_120_000L;

        assertThat(convert(type(MySqlDataType.TIMESTAMP).withPrecision(2), micros)).isEqualTo("2024-01-02T03:04:05.12Z");
        assertThat(convert(type(MySqlDataType.TIMESTAMP), 1_704_164_645_000_000L)).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(convert(type(MySqlDataType.TIMESTAMP).withPrecision(6), 1_000_001L)).isEqualTo("1970-01-01T00:00:01.000001Z");
    }

    @Test
    void year() {
        assertThat(convert(type(MySqlDataType.YEAR), 2155)).isEqualTo(2155);
        assertThat(convert(type(MySqlDataType.YEAR), 1900)).as("YEAR 0000").isEqualTo(0);
    }

    @Test
    void enumByIndex() {
        MySqlType type = type(MySqlDataType.ENUM).withValues(List.of("bronze", "silver", "gold"));

        assertThat(convert(type, 3)).isEqualTo("gold");
        assertThat(convert(type, 0)).as("the invalid value ''").isEqualTo("");
        assertThatThrownBy(() -> convert(type, 4)).hasMessageContaining("ENUM index 4 is outside 1..3 of column 'c'");
    }

    @Test
    void setByBitmask() {
        MySqlType type = type(MySqlDataType.SET).withValues(List.of("new", "sale", "eco"));

        assertThat(convert(type, 5L)).isEqualTo("new,eco");
        assertThat(convert(type, 0L)).isEqualTo("");
        assertThatThrownBy(() -> convert(type, 8L)).hasMessageContaining("SET bits 1000 name members beyond the 3");
    }

    @Test
    void mariaDbJsonIsText() {
        assertThat(convert(type(MySqlDataType.JSON), "{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"a\": 1}");
    }

    @Test
    void mySqlBinaryJson() {
        // {"a": 1}: small object, 1 member, 12 bytes, key at 11 of length 1, value int16 1 inlined
        byte[] binary = HexFormat.of().parseHex("00" + "0100" + "0c00" + "0b00" + "0100" + "050100" + "61");

        assertThat(convert(MYSQL, type(MySqlDataType.JSON), true, binary)).isEqualTo("{\"a\":1}");
        assertThat(convert(MYSQL, type(MySqlDataType.JSON), true, new byte[0])).isNull();
        assertThat(convert(MYSQL, type(MySqlDataType.JSON), false, new byte[0])).isEqualTo("{}");
    }

    @Test
    void geometrySplitsSridAndWkb() {
        byte[] internal = HexFormat.of().parseHex("e6100000" + "0101000000" + "000000000000f83f" + "00000000000000c0");

        Struct geometry = (Struct) convert(type(MySqlDataType.POINT), internal);

        assertThat(geometry.getInt32("srid")).isEqualTo(4326);
        assertThat(geometry.getBytes("wkb")).isEqualTo(HexFormat.of().parseHex("0101000000000000000000f83f00000000000000c0"));
    }

    @Test
    void geometryWithoutSrid() {
        byte[] internal = HexFormat.of().parseHex("00000000" + "0101000000" + "0000000000000000" + "0000000000000000");

        assertThat(((Struct) convert(type(MySqlDataType.GEOMETRY), internal)).getInt32("srid")).isNull();
    }
}
