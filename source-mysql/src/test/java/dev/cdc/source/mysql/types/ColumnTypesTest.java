package dev.cdc.source.mysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.schema.ColumnType;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The mapping table of the README, row by row. */
class ColumnTypesTest {
    private static Schema connect(MySqlType type) {
        return ConnectTypes.schema(ColumnTypes.toColumnType(type), false, BigintUnsignedMode.LONG);
    }

    @ParameterizedTest(name = "{0} unsigned={1} -> {2}")
    @CsvSource({
        "TINYINT,false,INT16", "TINYINT,true,INT16", "SMALLINT,false,INT16", "SMALLINT,true,INT32",
        "MEDIUMINT,false,INT32", "MEDIUMINT,true,INT32", "INT,false,INT32", "INT,true,INT64",
        "BIGINT,false,INT64", "BIGINT,true,INT64", "FLOAT,false,FLOAT32", "DOUBLE,false,FLOAT64",
        "CHAR,false,STRING", "VARCHAR,false,STRING", "TEXT,false,STRING", "LONGTEXT,false,STRING",
        "BINARY,false,BYTES", "VARBINARY,false,BYTES", "BLOB,false,BYTES", "TINYBLOB,false,BYTES"})
    void plainTypes(MySqlDataType dataType, boolean unsigned, Schema.Type expected) {
        Schema schema = connect(MySqlType.of(dataType).withUnsigned(unsigned));

        assertThat(schema.type()).isEqualTo(expected);
        assertThat(schema.name()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "DATE,0,INT32,io.debezium.time.Date", "TIME,0,INT64,io.debezium.time.MicroTime", "TIME,6,INT64,io.debezium.time.MicroTime",
        "DATETIME,0,INT64,io.debezium.time.Timestamp", "DATETIME,3,INT64,io.debezium.time.Timestamp",
        "DATETIME,4,INT64,io.debezium.time.MicroTimestamp", "DATETIME,6,INT64,io.debezium.time.MicroTimestamp",
        "TIMESTAMP,0,STRING,io.debezium.time.ZonedTimestamp", "TIMESTAMP,6,STRING,io.debezium.time.ZonedTimestamp",
        "YEAR,0,INT32,io.debezium.time.Year", "JSON,0,STRING,io.debezium.data.Json",
        "GEOMETRY,0,STRUCT,io.debezium.data.geometry.Geometry", "POINT,0,STRUCT,io.debezium.data.geometry.Geometry"})
    void namedTypes(MySqlDataType dataType, int fractionalSeconds, Schema.Type expected, String name) {
        Schema schema = connect(MySqlType.of(dataType).withPrecision(fractionalSeconds));

        assertThat(schema.type()).isEqualTo(expected);
        assertThat(schema.name()).isEqualTo(name);
        assertThat(schema.version()).isEqualTo(1);
    }

    @Test
    void decimalCarriesScaleAndPrecision() {
        Schema schema = connect(MySqlType.of(MySqlDataType.DECIMAL).withPrecisionAndScale(12, 3));

        assertThat(schema.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.parameters()).containsEntry("scale", "3").containsEntry("connect.decimal.precision", "12");
    }

    @Test
    void floatWithScaleIsDouble() {
        assertThat(connect(MySqlType.of(MySqlDataType.FLOAT).withPrecisionAndScale(7, 2)).type()).isEqualTo(Schema.Type.FLOAT64);
    }

    @Test
    void bits() {
        assertThat(connect(MySqlType.of(MySqlDataType.BIT).withLength(1)).type()).isEqualTo(Schema.Type.BOOLEAN);
        Schema bits = connect(MySqlType.of(MySqlDataType.BIT).withLength(9));
        assertThat(bits.name()).isEqualTo("io.debezium.data.Bits");
        assertThat(bits.parameters()).containsEntry("length", "9");
    }

    @Test
    void enumAndSetListTheirValues() {
        Schema enumSchema = connect(MySqlType.of(MySqlDataType.ENUM).withValues(List.of("a", "b")));
        Schema setSchema = connect(MySqlType.of(MySqlDataType.SET).withValues(List.of("x", "y")));

        assertThat(enumSchema.name()).isEqualTo("io.debezium.data.Enum");
        assertThat(enumSchema.parameters()).containsEntry("allowed", "a,b");
        assertThat(setSchema.name()).isEqualTo("io.debezium.data.EnumSet");
        assertThat(setSchema.parameters()).containsEntry("allowed", "x,y");
    }

    @Test
    void bigintUnsignedPrecise() {
        Schema schema = ConnectTypes.schema(ColumnTypes.toColumnType(MySqlType.of(MySqlDataType.BIGINT).withUnsigned(true)), true,
                BigintUnsignedMode.PRECISE);

        assertThat(schema.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.parameters()).containsEntry("scale", "0").containsEntry("connect.decimal.precision", "20");
        assertThat(schema.isOptional()).isTrue();
    }

    @Test
    void logicalTypesKeepTheNativeName() {
        ColumnType type = ColumnTypes.toColumnType(MySqlType.of(MySqlDataType.MEDIUMINT).withUnsigned(true));

        assertThat(type.kind()).isEqualTo(ColumnType.Kind.INT32);
        assertThat(type.isUnsigned()).isFalse();
        assertThat(type.nativeTypeName()).contains("MEDIUMINT UNSIGNED");
    }

    @Test
    void textKeepsLengthAndCharset() {
        ColumnType type = ColumnTypes.toColumnType(MySqlType.of(MySqlDataType.VARCHAR).withLength(20).withCharset("latin1"));

        assertThat(type.kind()).isEqualTo(ColumnType.Kind.STRING);
        assertThat(type.length()).hasValue(20);
        assertThat(type.charset()).contains("latin1");
    }

    @Test
    void timestampIsAnInstantAndDatetimeIsLocal() {
        assertThat(ColumnTypes.toColumnType(MySqlType.of(MySqlDataType.TIMESTAMP).withPrecision(3)).kind())
                .isEqualTo(ColumnType.Kind.TIMESTAMP_TZ);
        assertThat(ColumnTypes.toColumnType(MySqlType.of(MySqlDataType.DATETIME).withPrecision(3)).kind())
                .isEqualTo(ColumnType.Kind.TIMESTAMP);
    }

    @Test
    void synonyms() {
        assertThat(MySqlDataType.byName("integer")).contains(MySqlDataType.INT);
        assertThat(MySqlDataType.byName("BOOL")).contains(MySqlDataType.TINYINT);
        assertThat(MySqlDataType.byName("numeric")).contains(MySqlDataType.DECIMAL);
        assertThat(MySqlDataType.byName("double  precision")).contains(MySqlDataType.DOUBLE);
        assertThat(MySqlDataType.byName("nvarchar")).contains(MySqlDataType.VARCHAR);
        assertThat(MySqlDataType.byName("uuid")).isEmpty();
    }
}
