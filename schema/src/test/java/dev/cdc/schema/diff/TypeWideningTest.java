package dev.cdc.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cdc.schema.ColumnType;

class TypeWideningTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // integers
                Arguments.of(ColumnType.int32(), ColumnType.int64(), true),
                Arguments.of(ColumnType.int8(), ColumnType.int16(), true),
                Arguments.of(ColumnType.int64(), ColumnType.int32(), false),
                Arguments.of(ColumnType.unsignedInt16(), ColumnType.int32(), true),
                Arguments.of(ColumnType.unsignedInt16(), ColumnType.int16(), false),
                Arguments.of(ColumnType.unsignedInt16(), ColumnType.unsignedInt32(), true),
                Arguments.of(ColumnType.int16(), ColumnType.unsignedInt32(), false),
                Arguments.of(ColumnType.int16(), ColumnType.float32(), true),
                Arguments.of(ColumnType.int32(), ColumnType.float32(), false),
                Arguments.of(ColumnType.int32(), ColumnType.float64(), true),
                Arguments.of(ColumnType.int64(), ColumnType.float64(), false),
                Arguments.of(ColumnType.int32(), ColumnType.decimal(10, 0), true),
                Arguments.of(ColumnType.int32(), ColumnType.decimal(11, 2), false),
                Arguments.of(ColumnType.int32(), ColumnType.decimal(12, 2), true),
                Arguments.of(ColumnType.int64(), ColumnType.decimal(19, 0), true),
                Arguments.of(ColumnType.unsignedInt64(), ColumnType.decimal(19, 0), false),
                Arguments.of(ColumnType.unsignedInt64(), ColumnType.decimal(20, 0), true),
                Arguments.of(ColumnType.int64(), ColumnType.variableScaleDecimal(), true),
                // floats
                Arguments.of(ColumnType.float32(), ColumnType.float64(), true),
                Arguments.of(ColumnType.float64(), ColumnType.float32(), false),
                // decimals
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(12, 2), true),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(8, 2), false),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(12, 4), true),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(12, 1), false),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(11, 4), false),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.variableScaleDecimal(), true),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimalWithUnknownPrecision(2), true),
                Arguments.of(ColumnType.decimalWithUnknownPrecision(2), ColumnType.decimal(38, 2), false),
                Arguments.of(ColumnType.variableScaleDecimal(), ColumnType.decimal(38, 10), false),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.float64(), false),
                // text
                Arguments.of(ColumnType.string(10), ColumnType.string(20), true),
                Arguments.of(ColumnType.string(20), ColumnType.string(10), false),
                Arguments.of(ColumnType.string(10), ColumnType.string(), true),
                Arguments.of(ColumnType.string(), ColumnType.string(65535), false),
                Arguments.of(ColumnType.fixedString(3), ColumnType.string(3), true),
                Arguments.of(ColumnType.fixedString(3), ColumnType.fixedString(5), true),
                Arguments.of(ColumnType.string(3), ColumnType.fixedString(5), false),
                Arguments.of(ColumnType.string(10).withCharset("latin1"), ColumnType.string(10).withCharset("utf8mb4"), true),
                Arguments.of(ColumnType.string(10).withCharset("utf8mb4"), ColumnType.string(10).withCharset("latin1"), false),
                Arguments.of(ColumnType.string(10).withCharset("utf8mb4"), ColumnType.string(10).withCharset("utf8"), false),
                Arguments.of(ColumnType.string(10).withCharset("utf8mb4"), ColumnType.string(20), true),
                Arguments.of(ColumnType.int32(), ColumnType.string(), false),
                // binary
                Arguments.of(ColumnType.varbinary(10), ColumnType.varbinary(20), true),
                Arguments.of(ColumnType.binary(16), ColumnType.varbinary(16), true),
                Arguments.of(ColumnType.binary(16), ColumnType.binary(32), false),
                Arguments.of(ColumnType.varbinary(), ColumnType.varbinary(100), false),
                // temporal
                Arguments.of(ColumnType.timestamp(3), ColumnType.timestamp(6), true),
                Arguments.of(ColumnType.timestamp(6), ColumnType.timestamp(3), false),
                Arguments.of(ColumnType.time(0), ColumnType.time(6), true),
                Arguments.of(ColumnType.timestamp(3), ColumnType.timestampWithTimeZone(6), false),
                Arguments.of(ColumnType.date(), ColumnType.timestamp(0), false),
                // bits, enums, sets, arrays
                Arguments.of(ColumnType.bit(8), ColumnType.bit(16), true),
                Arguments.of(ColumnType.bit(1), ColumnType.bit(8), false),
                Arguments.of(ColumnType.bit(16), ColumnType.bit(8), false),
                Arguments.of(ColumnType.enumOf(List.of("a", "b")), ColumnType.enumOf(List.of("a", "b", "c")), true),
                Arguments.of(ColumnType.enumOf(List.of("a", "b")), ColumnType.enumOf(List.of("a")), false),
                Arguments.of(ColumnType.setOf(List.of("x")), ColumnType.setOf(List.of("y", "x")), true),
                Arguments.of(ColumnType.enumOf(List.of("a")), ColumnType.setOf(List.of("a")), false),
                Arguments.of(ColumnType.array(ColumnType.int32()), ColumnType.array(ColumnType.int64()), true),
                Arguments.of(ColumnType.array(ColumnType.int64()), ColumnType.array(ColumnType.int32()), false),
                // same logical type
                Arguments.of(ColumnType.json(), ColumnType.json().withNativeTypeName("jsonb"), true),
                Arguments.of(ColumnType.json(), ColumnType.string(), false),
                Arguments.of(ColumnType.uuid(), ColumnType.string(36), false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("cases")
    void widening(ColumnType from, ColumnType to, boolean expected) {
        assertThat(TypeWidening.isWidening(from, to)).isEqualTo(expected);
    }
}
