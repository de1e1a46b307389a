package dev.cdc.schema.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;

class ConnectSchemaReaderTest {
    private static final ConnectSchemaMapper DEFAULTS = new ConnectSchemaMapper(ConnectMappingOptions.defaults());
    private static final ConnectSchemaMapper PROPAGATING =
            new ConnectSchemaMapper(ConnectMappingOptions.defaults().withPropagateSourceTypes(true));

    static Stream<ColumnType> everyType() {
        return Stream.of(
                ColumnType.booleanType(), ColumnType.unsignedInt8().withNativeTypeName("TINYINT UNSIGNED"),
                ColumnType.int16(), ColumnType.unsignedInt32(), ColumnType.unsignedInt64().withNativeTypeName("BIGINT UNSIGNED"),
                ColumnType.float32(), ColumnType.decimal(10, 2), ColumnType.variableScaleDecimal().withNativeTypeName("numeric"),
                ColumnType.fixedString(3).withCharset("latin1"), ColumnType.string(255).withNativeTypeName("VARCHAR"),
                ColumnType.binary(16), ColumnType.varbinary(), ColumnType.date(), ColumnType.time(0),
                ColumnType.timeWithTimeZone(3), ColumnType.timestamp(2), ColumnType.timestampWithTimeZone(0),
                ColumnType.year(), ColumnType.bit(1), ColumnType.bit(9), ColumnType.enumOf(List.of("a,b", "c")),
                ColumnType.setOf(List.of("x")), ColumnType.json(), ColumnType.uuid(), ColumnType.geometry(),
                ColumnType.interval(), ColumnType.array(ColumnType.decimal(5, 1)));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void propagatedSourceTypesRoundTripExactly(ColumnType type) {
        Column column = Column.builder("c", type).nullable(false).build();
        assertThat(ConnectSchemaReader.columnType(PROPAGATING.columnSchema(column))).isEqualTo(type);
    }

    static Stream<Arguments> canonicalReadings() {
        return Stream.of(
                Arguments.of(ColumnType.booleanType(), ColumnType.booleanType()),
                Arguments.of(ColumnType.int8(), ColumnType.int16()),
                Arguments.of(ColumnType.unsignedInt16(), ColumnType.int32()),
                Arguments.of(ColumnType.unsignedInt32(), ColumnType.int64()),
                Arguments.of(ColumnType.unsignedInt64(), ColumnType.int64()),
                Arguments.of(ColumnType.float64(), ColumnType.float64()),
                Arguments.of(ColumnType.decimal(10, 2), ColumnType.decimal(10, 2)),
                Arguments.of(ColumnType.variableScaleDecimal(), ColumnType.variableScaleDecimal()),
                Arguments.of(ColumnType.fixedString(3), ColumnType.string()),
                Arguments.of(ColumnType.string(10).withNativeTypeName("VARCHAR"), ColumnType.string()),
                Arguments.of(ColumnType.binary(4), ColumnType.varbinary()),
                Arguments.of(ColumnType.date(), ColumnType.date()),
                Arguments.of(ColumnType.time(0), ColumnType.time(6)),
                Arguments.of(ColumnType.timestamp(0), ColumnType.timestamp(3)),
                Arguments.of(ColumnType.timestamp(5), ColumnType.timestamp(6)),
                Arguments.of(ColumnType.timestamp(9), ColumnType.timestamp(9)),
                Arguments.of(ColumnType.timestampWithTimeZone(3), ColumnType.timestampWithTimeZone(6)),
                Arguments.of(ColumnType.timeWithTimeZone(0), ColumnType.timeWithTimeZone(6)),
                Arguments.of(ColumnType.year(), ColumnType.year()),
                Arguments.of(ColumnType.bit(1), ColumnType.booleanType()),
                Arguments.of(ColumnType.bit(5), ColumnType.bit(5)),
                Arguments.of(ColumnType.enumOf(List.of("a", "b")), ColumnType.enumOf(List.of("a", "b"))),
                Arguments.of(ColumnType.enumOf(List.of("a,b")), ColumnType.enumOf(List.of("a", "b"))),
                Arguments.of(ColumnType.setOf(List.of()), ColumnType.setOf(List.of())),
                Arguments.of(ColumnType.json(), ColumnType.json()),
                Arguments.of(ColumnType.uuid(), ColumnType.uuid()),
                Arguments.of(ColumnType.geometry(), ColumnType.geometry()),
                Arguments.of(ColumnType.interval(), ColumnType.interval()),
                Arguments.of(ColumnType.array(ColumnType.int32()), ColumnType.array(ColumnType.int32())));
    }

    @ParameterizedTest
    @MethodSource("canonicalReadings")
    void withoutParametersTheCanonicalTypeComesBack(ColumnType written, ColumnType expected) {
        assertThat(ConnectSchemaReader.columnType(DEFAULTS.typeSchema(written))).isEqualTo(expected);
    }

    @Test
    void readsDebeziumAndConnectSchemasBuiltByOthers() {
        assertThat(ConnectSchemaReader.columnType(Decimal.schema(4))).isEqualTo(ColumnType.decimalWithUnknownPrecision(4));
        assertThat(ConnectSchemaReader.columnType(org.apache.kafka.connect.data.Timestamp.SCHEMA)).isEqualTo(ColumnType.timestamp(3));
        assertThat(ConnectSchemaReader.columnType(org.apache.kafka.connect.data.Date.SCHEMA)).isEqualTo(ColumnType.date());
        assertThat(ConnectSchemaReader.columnType(SchemaBuilder.int32().name("io.debezium.time.Time").build())).isEqualTo(ColumnType.time(3));
        assertThat(ConnectSchemaReader.columnType(SchemaBuilder.int64().name("io.debezium.time.NanoTime").build())).isEqualTo(ColumnType.time(9));
        assertThat(ConnectSchemaReader.columnType(SchemaBuilder.float64().name("io.debezium.time.MicroDuration").build()))
                .isEqualTo(ColumnType.interval());
        Schema point = SchemaBuilder.struct().name("io.debezium.data.geometry.Point")
                .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA).build();
        assertThat(ConnectSchemaReader.columnType(point)).isEqualTo(ColumnType.geometry());
        assertThat(ConnectSchemaReader.columnType(Schema.INT8_SCHEMA)).isEqualTo(ColumnType.int8());
        assertThat(ConnectSchemaReader.columnType(SchemaBuilder.string().name("io.debezium.data.Xml").build())).isEqualTo(ColumnType.string());
    }

    @Test
    void debeziumSourceTypeParametersRestoreNameAndLength() {
        Schema varchar = SchemaBuilder.string().optional()
                .parameter("__debezium.source.column.type", "VARCHAR")
                .parameter("__debezium.source.column.length", "255").build();
        assertThat(ConnectSchemaReader.columnType(varchar)).isEqualTo(ColumnType.string(255).withNativeTypeName("VARCHAR"));
        Schema badLength = SchemaBuilder.bytes().parameter("__debezium.source.column.length", "x").build();
        assertThat(ConnectSchemaReader.columnType(badLength)).isEqualTo(ColumnType.varbinary());
    }

    @Test
    void unknownStructsAndMapsAreRejected() {
        Schema struct = SchemaBuilder.struct().name("my.Address").field("street", Schema.STRING_SCHEMA).build();
        assertThatThrownBy(() -> ConnectSchemaReader.columnType(struct))
                .hasMessageStartingWith("a Connect STRUCT schema named my.Address has no column type");
        assertThatThrownBy(() -> ConnectSchemaReader.columnType(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()))
                .hasMessageStartingWith("a Connect MAP schema has no column type");
        assertThatThrownBy(() -> ConnectSchemaReader.columnType(SchemaBuilder.bytes().name("io.debezium.data.Bits").build()))
                .hasMessageContaining("has no integer 'length' parameter");
    }

    @Test
    void columnsCarryNullabilityPositionsAndSimpleDefaults() {
        Schema row = SchemaBuilder.struct().name("t.Value").optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("status", SchemaBuilder.string().optional().defaultValue("it's new").build())
                .field("qty", SchemaBuilder.int32().defaultValue(5).build())
                .field("price", Decimal.builder(2).optional().defaultValue(new BigDecimal("1.50")).build())
                .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").defaultValue(3).build())
                .build();
        List<Column> columns = ConnectSchemaReader.columns(row);
        assertThat(columns).extracting(Column::name).containsExactly("id", "status", "qty", "price", "day");
        assertThat(columns).extracting(Column::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(columns).extracting(Column::isNullable).containsExactly(false, true, false, true, false);
        assertThat(columns.get(0).defaultValueExpression()).isEmpty();
        assertThat(columns.get(1).defaultValueExpression()).contains("'it''s new'");
        assertThat(columns.get(2).defaultValueExpression()).contains("5");
        assertThat(columns.get(3).defaultValueExpression()).contains("1.50");
        assertThat(columns.get(4).defaultValueExpression()).isEmpty();
    }

    @Test
    void tableSchemaFromRowAndKey() {
        TableSchema original = TableSchema.builder(TableId.ofCatalogTable("shop", "orders"))
                .column("id", ColumnType.int64(), false)
                .column("customer", ColumnType.int32(), true)
                .primaryKey("id").version(4).validFromPosition(77).build();
        Schema row = DEFAULTS.rowSchema(original, "x.Value");
        Schema key = DEFAULTS.keySchema(original, "x.Key").orElseThrow();
        TableSchema read = ConnectSchemaReader.tableSchema(original.id(), row, key, 4, 77);
        assertThat(read).isEqualTo(original);
        assertThat(ConnectSchemaReader.tableSchema(original.id(), row, null, 0, 0).primaryKey()).isEmpty();
    }

    @Test
    void tableSchemaRejectsNonStructsAndUnknownKeyFields() {
        assertThatThrownBy(() -> ConnectSchemaReader.columns(Schema.STRING_SCHEMA))
                .hasMessage("the row schema is a STRING, expected a STRUCT");
        Schema row = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        Schema key = SchemaBuilder.struct().field("b", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> ConnectSchemaReader.tableSchema(TableId.ofCatalogTable("d", "t"), row, key, 0, 0))
                .hasMessageContaining("primary key column 'b' of table d..t is not a column");
    }
}
