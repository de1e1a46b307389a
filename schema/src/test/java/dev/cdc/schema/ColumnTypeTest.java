package dev.cdc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnTypeTest {

    static Stream<ColumnType> everyKind() {
        return Stream.of(
                ColumnType.booleanType(), ColumnType.int8(), ColumnType.unsignedInt8(), ColumnType.int16(),
                ColumnType.unsignedInt16(), ColumnType.int32(), ColumnType.unsignedInt32(), ColumnType.int64(),
                ColumnType.unsignedInt64(), ColumnType.float32(), ColumnType.float64(), ColumnType.decimal(10, 2),
                ColumnType.decimal(5, -2), ColumnType.decimalWithUnknownPrecision(3), ColumnType.variableScaleDecimal(),
                ColumnType.fixedString(3), ColumnType.string(), ColumnType.string(255).withCharset("utf8mb4"),
                ColumnType.fixedString(0).withCharset("latin1"), ColumnType.binary(16), ColumnType.varbinary(),
                ColumnType.varbinary(100), ColumnType.date(), ColumnType.time(0), ColumnType.time(6),
                ColumnType.timeWithTimeZone(6), ColumnType.timestamp(3), ColumnType.timestampWithTimeZone(9),
                ColumnType.year(), ColumnType.bit(1), ColumnType.bit(64), ColumnType.enumOf(List.of("a", "b,c", "it's")),
                ColumnType.setOf(List.of()), ColumnType.setOf(List.of("x", "y")), ColumnType.json(), ColumnType.uuid(),
                ColumnType.geometry(), ColumnType.interval(), ColumnType.array(ColumnType.int32()),
                ColumnType.array(ColumnType.array(ColumnType.string(10).withCharset("UTF8"))));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void textFormRoundTrips(ColumnType type) {
        assertThat(ColumnType.parse(type.toString())).isEqualTo(type);
    }

    @Test
    void textFormIsReadable() {
        assertThat(ColumnType.unsignedInt32()).hasToString("INT32 UNSIGNED");
        assertThat(ColumnType.decimal(10, 2)).hasToString("DECIMAL(10,2)");
        assertThat(ColumnType.decimalWithUnknownPrecision(2)).hasToString("DECIMAL(*,2)");
        assertThat(ColumnType.variableScaleDecimal()).hasToString("DECIMAL");
        assertThat(ColumnType.string(255).withCharset("utf8mb4")).hasToString("STRING(255) CHARSET utf8mb4");
        assertThat(ColumnType.enumOf(List.of("a", "it's"))).hasToString("ENUM('a','it''s')");
        assertThat(ColumnType.array(ColumnType.timestamp(6))).hasToString("ARRAY<TIMESTAMP(6)>");
    }

    @Test
    void parseToleratesSpaces() {
        assertThat(ColumnType.parse(" DECIMAL( 10 , 2 ) ")).isEqualTo(ColumnType.decimal(10, 2));
        assertThat(ColumnType.parse("ARRAY< INT64 UNSIGNED >")).isEqualTo(ColumnType.array(ColumnType.unsignedInt64()));
    }

    @Test
    void parseNamesTheProblem() {
        assertThatThrownBy(() -> ColumnType.parse("VARCHAR(10)")).hasMessageContaining("unknown column type 'VARCHAR'");
        assertThatThrownBy(() -> ColumnType.parse("CHAR")).hasMessageContaining("expected '('");
        assertThatThrownBy(() -> ColumnType.parse("DECIMAL(10)")).hasMessageContaining("expected ','");
        assertThatThrownBy(() -> ColumnType.parse("INT32 junk")).hasMessageContaining("unexpected text at index 6");
        assertThatThrownBy(() -> ColumnType.parse("ENUM('a)")).hasMessageContaining("unclosed quoted value");
        assertThatThrownBy(() -> ColumnType.parse("TIME(x)")).hasMessageContaining("expected an integer at index 5");
    }

    @Test
    void invalidAttributesAreRejected() {
        assertThatThrownBy(() -> ColumnType.decimal(0, 0)).hasMessageContaining("precision 0 is less than 1");
        assertThatThrownBy(() -> ColumnType.time(10)).hasMessageContaining("TIME precision 10 is outside 0..9");
        assertThatThrownBy(() -> ColumnType.timestamp(-1)).hasMessageContaining("outside 0..9");
        assertThatThrownBy(() -> ColumnType.bit(0)).hasMessageContaining("bit length 0");
        assertThatThrownBy(() -> ColumnType.string(-1)).hasMessageContaining("STRING length -1 is negative");
        assertThatThrownBy(() -> ColumnType.int32().withCharset("utf8")).hasMessageContaining("only CHAR and STRING");
        assertThatThrownBy(() -> ColumnType.string().withCharset("utf 8")).hasMessageContaining("charset name 'utf 8'");
        assertThatThrownBy(() -> ColumnType.integer(ColumnType.Kind.FLOAT32, true)).hasMessageContaining("not an integer kind");
        assertThatThrownBy(() -> ColumnType.enumOf(java.util.Arrays.asList("a", null))).hasMessage("value 1 is null");
    }

    @Test
    void nativeNameCountsForEqualsButNotForSameLogicalType() {
        ColumnType text = ColumnType.string(65535).withNativeTypeName("TEXT");
        ColumnType plain = ColumnType.string(65535);
        assertThat(text).isNotEqualTo(plain);
        assertThat(text.sameLogicalType(plain)).isTrue();
        assertThat(text.nativeTypeName()).contains("TEXT");
        assertThat(ColumnType.array(ColumnType.int32().withNativeTypeName("int4"))
                .sameLogicalType(ColumnType.array(ColumnType.int32()))).isTrue();
    }

    @Test
    void charsetIsComparedOnlyWhenBothSidesKnowIt() {
        ColumnType utf8 = ColumnType.string(10).withCharset("utf8mb4");
        assertThat(utf8.sameLogicalType(ColumnType.string(10))).isTrue();
        assertThat(utf8.sameLogicalType(ColumnType.string(10).withCharset("UTF8MB4"))).isTrue();
        assertThat(utf8.sameLogicalType(ColumnType.string(10).withCharset("latin1"))).isFalse();
    }

    @Test
    void sameLogicalTypeSeesEveryAttribute() {
        assertThat(ColumnType.int32().sameLogicalType(ColumnType.unsignedInt32())).isFalse();
        assertThat(ColumnType.string(10).sameLogicalType(ColumnType.string(11))).isFalse();
        assertThat(ColumnType.decimal(10, 2).sameLogicalType(ColumnType.decimal(10, 3))).isFalse();
        assertThat(ColumnType.decimal(10, 2).sameLogicalType(ColumnType.decimalWithUnknownPrecision(2))).isFalse();
        assertThat(ColumnType.enumOf(List.of("a", "b")).sameLogicalType(ColumnType.enumOf(List.of("b", "a")))).isFalse();
        assertThat(ColumnType.array(ColumnType.int32()).sameLogicalType(ColumnType.array(ColumnType.int64()))).isFalse();
        assertThat(ColumnType.fixedString(3).sameLogicalType(ColumnType.string(3))).isFalse();
    }

    @Test
    void accessorsReportAttributes() {
        ColumnType decimal = ColumnType.decimal(12, 4);
        assertThat(decimal.precision()).hasValue(12);
        assertThat(decimal.scale()).hasValue(4);
        assertThat(decimal.hasVariableScale()).isFalse();
        assertThat(ColumnType.variableScaleDecimal().hasVariableScale()).isTrue();
        assertThat(ColumnType.string().length()).isEmpty();
        assertThat(ColumnType.bit(7).length()).hasValue(7);
        assertThat(ColumnType.array(ColumnType.uuid()).elementType()).contains(ColumnType.uuid());
    }
}
