package dev.cdc.sink.jdbc.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cdc.schema.ColumnType;

class TypeCompatibilityTest {
    @ParameterizedTest(name = "target {0}, records {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "INT32|INT32|FITS",
            "INT64|INT32|FITS",
            "INT32|INT64|WIDEN",
            "STRING(10)|STRING(50)|WIDEN",
            "STRING(50)|STRING(10)|FITS",
            "STRING|JSON|FITS",
            "CHAR(36)|UUID|FITS",
            "DECIMAL(5,2)|DECIMAL(12,2)|WIDEN",
            "DECIMAL(12,2)|DECIMAL(5,2)|FITS",
            "DECIMAL(5,2)|DECIMAL(5,3)|INCOMPATIBLE",
            "TIMESTAMP_TZ(6)|TIMESTAMP(3)|FITS",
            "ENUM('a')|ENUM('a','b')|WIDEN",
            "INT32|STRING|INCOMPATIBLE",
            "STRING(10)|INT32|INCOMPATIBLE",
            "DATE|TIMESTAMP(6)|INCOMPATIBLE",
    })
    void decides(String target, String record, TypeCompatibility.Decision decision) {
        assertThat(TypeCompatibility.decide(ColumnType.parse(target), ColumnType.parse(record))).isEqualTo(decision);
    }
}
