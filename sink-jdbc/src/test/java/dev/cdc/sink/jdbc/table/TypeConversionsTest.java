package dev.cdc.sink.jdbc.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cdc.schema.ColumnType;

class TypeConversionsTest {
    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "INT32|STRING|true",
            "INT64|STRING(10)|true",
            "TIMESTAMP(6)|STRING|true",
            "STRING|TIMESTAMP(6)|true",
            "STRING(20)|INT32|true",
            "STRING|DATE|true",
            "JSON|STRING|true",
            "INT64|INT32|true",
            "INT32|DECIMAL(5,0)|true",
            "DATE|TIMESTAMP(3)|true",
            "VARBINARY|STRING|false",
            "DECIMAL(10,2)|INT32|false",
            "FLOAT64|INT64|false",
            "FLOAT64|FLOAT32|false",
            "TIMESTAMP(6)|DATE|false",
            "INT32|BOOLEAN|false",
            "STRING|VARBINARY|false",
    })
    void convertsOnlyWhereACastKeepsEveryValueOrFails(String from, String to, boolean castable) {
        assertThat(TypeConversions.castable(ColumnType.parse(from), ColumnType.parse(to))).isEqualTo(castable);
    }
}
