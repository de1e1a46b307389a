package dev.cdc.source.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.schema.connect.ConnectMappingOptions;
import dev.cdc.schema.connect.ConnectSchemaMapper;

class TextValueConvertersTest {
    private static final ConnectSchemaMapper MAPPER = new ConnectSchemaMapper(ConnectMappingOptions.defaults()
            .withTimePrecision(ConnectMappingOptions.TimePrecision.ADAPTIVE));

    private static Object convert(ColumnType type, String text) {
        return TextValueConverters.forColumn(type, MAPPER.typeSchema(type)).convert(text);
    }

    @Test
    void temporalEdges() {
        assertThat(convert(ColumnType.time(6), "24:00:00")).isEqualTo(86_400_000_000L);
        assertThat(convert(ColumnType.date(), "0001-01-01 BC")).as("1 BC is ISO year 0").isEqualTo((int) java.time.LocalDate.of(0, 1, 1).toEpochDay());
        assertThat(convert(ColumnType.date(), "infinity")).isEqualTo(Integer.MAX_VALUE);
        assertThat(convert(ColumnType.timestamp(6), "1969-12-31 23:59:59.999999")).isEqualTo(-1L);
        assertThat(convert(ColumnType.timestamp(3), "1969-12-31 23:59:59.999")).isEqualTo(-1L);
        assertThat(convert(ColumnType.timestamp(6), "-infinity")).isEqualTo(Long.MIN_VALUE);
        assertThat(convert(ColumnType.timestampWithTimeZone(6), "2024-01-01 00:30:00+05:30")).isEqualTo("2023-12-31T19:00:00Z");
        assertThat(convert(ColumnType.timestampWithTimeZone(6), "2024-06-01 10:00:00-07")).isEqualTo("2024-06-01T17:00:00Z");
        assertThat(convert(ColumnType.timeWithTimeZone(6), "23:30:00-02")).isEqualTo("01:30:00Z");
    }

    @Test
    void intervals() {
        assertThat(IntervalText.micros("00:00:01.5")).isEqualTo(1_500_000L);
        assertThat(IntervalText.micros("-1 days +02:03:00")).isEqualTo(-86_400_000_000L + (2 * 60 + 3) * 60_000_000L);
        assertThat(IntervalText.micros("1 mon")).isEqualTo(Math.round(30.4375 * 86_400_000_000.0));
        assertThat(IntervalText.micros("-00:00:00.000001")).isEqualTo(-1L);
        assertThatThrownBy(() -> IntervalText.micros("P1Y")).hasMessageContaining("without a unit");
    }

    @Test
    void numbers() {
        assertThat(convert(ColumnType.decimal(5, 2), "1.5")).isEqualTo(new BigDecimal("1.50"));
        assertThat(convert(ColumnType.decimal(5, 2), "NaN")).isNull();
        assertThat(convert(ColumnType.float64(), "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert(ColumnType.decimalWithUnknownPrecision(2).withNativeTypeName("money"), "-$1,234.56"))
                .isEqualTo(new BigDecimal("-1234.56"));
        assertThat(TextValueConverters.money("($0.50)")).isEqualTo(new BigDecimal("-0.50"));
    }

    @Test
    void bitsAndBytes() {
        assertThat(TextValueConverters.bits("1000000001")).containsExactly(0x01, 0x02);
        assertThat(TextValueConverters.bits("00000000")).containsExactly(0x00);
        assertThat(TextValueConverters.bytea("\\x")).isEmpty();
        assertThatThrownBy(() -> TextValueConverters.bytea("abc")).hasMessageContaining("bytea_output=hex");
    }

    @Test
    void arrays() {
        assertThat(ArrayText.elements("{}")).isEmpty();
        assertThat(ArrayText.elements("{\"\",NULL,\"NULL\"}")).containsExactly("", null, "NULL");
        assertThat(ArrayText.elements("[0:1]={a,b}")).containsExactly("a", "b");
        assertThat(ArrayText.elements("{{1,2},{3,4}}")).containsExactly("1", "2", "3", "4");
        assertThat(ArrayText.elements("{\"a\\\\b\",\"c,d\"}")).containsExactly("a\\b", "c,d");
        assertThat(convert(ColumnType.array(ColumnType.varbinary()), "{\"\\\\x0102\"}")).asList().singleElement()
                .satisfies(value -> assertThat((byte[]) value).containsExactly(1, 2));
        assertThat(convert(ColumnType.array(ColumnType.int64()), "{1,NULL}")).isEqualTo(java.util.Arrays.asList(1L, null));
        assertThat(List.of()).isEmpty();
    }
}
