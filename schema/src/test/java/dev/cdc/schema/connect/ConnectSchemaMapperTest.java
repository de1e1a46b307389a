package dev.cdc.schema.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.Column;
import dev.cdc.schema.ColumnType;
import dev.cdc.schema.TableId;
import dev.cdc.schema.TableSchema;
import dev.cdc.schema.connect.ConnectMappingOptions.BigIntUnsignedHandling;
import dev.cdc.schema.connect.ConnectMappingOptions.DecimalHandling;
import dev.cdc.schema.connect.ConnectMappingOptions.IntervalHandling;
import dev.cdc.schema.connect.ConnectMappingOptions.TimePrecision;

class ConnectSchemaMapperTest {
    private final ConnectSchemaMapper mapper = new ConnectSchemaMapper(ConnectMappingOptions.defaults());

    private Schema schemaOf(ColumnType type) {
        return mapper.typeSchema(type);
    }

    private static void assertPlain(Schema schema, Schema.Type type) {
        assertThat(schema.type()).isEqualTo(type);
        assertThat(schema.name()).isNull();
        assertThat(schema.isOptional()).isFalse();
    }

    private static void assertDebezium(Schema schema, Schema.Type type, String name) {
        assertThat(schema.type()).isEqualTo(type);
        assertThat(schema.name()).isEqualTo(name);
        assertThat(schema.version()).isEqualTo(1);
    }

    @Test
    void integersFollowDebeziumWidening() {
        assertPlain(schemaOf(ColumnType.booleanType()), Schema.Type.BOOLEAN);
        assertPlain(schemaOf(ColumnType.int8()), Schema.Type.INT16);
        assertPlain(schemaOf(ColumnType.unsignedInt8()), Schema.Type.INT16);
        assertPlain(schemaOf(ColumnType.int16()), Schema.Type.INT16);
        assertPlain(schemaOf(ColumnType.unsignedInt16()), Schema.Type.INT32);
        assertPlain(schemaOf(ColumnType.int32()), Schema.Type.INT32);
        assertPlain(schemaOf(ColumnType.unsignedInt32()), Schema.Type.INT64);
        assertPlain(schemaOf(ColumnType.int64()), Schema.Type.INT64);
        assertPlain(schemaOf(ColumnType.unsignedInt64()), Schema.Type.INT64);
        assertPlain(schemaOf(ColumnType.float32()), Schema.Type.FLOAT32);
        assertPlain(schemaOf(ColumnType.float64()), Schema.Type.FLOAT64);
    }

    @Test
    void unsignedBigintIsDecimal20InPreciseMode() {
        ConnectSchemaMapper precise = new ConnectSchemaMapper(ConnectMappingOptions.defaults()
                .withBigIntUnsignedHandling(BigIntUnsignedHandling.PRECISE));
        Schema schema = precise.typeSchema(ColumnType.unsignedInt64());
        assertThat(schema.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.parameters()).containsEntry("scale", "0").containsEntry("connect.decimal.precision", "20");
        assertPlain(precise.typeSchema(ColumnType.int64()), Schema.Type.INT64);
    }

    @Test
    void decimalsArePreciseByDefault() {
        Schema fixed = schemaOf(ColumnType.decimal(12, 2));
        assertThat(fixed.type()).isEqualTo(Schema.Type.BYTES);
        assertThat(fixed.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(fixed.parameters()).isEqualTo(Map.of("scale", "2", "connect.decimal.precision", "12"));

        Schema unknownPrecision = schemaOf(ColumnType.decimalWithUnknownPrecision(3));
        assertThat(unknownPrecision.parameters()).isEqualTo(Map.of("scale", "3"));

        Schema variable = schemaOf(ColumnType.variableScaleDecimal());
        assertDebezium(variable, Schema.Type.STRUCT, "io.debezium.data.VariableScaleDecimal");
        assertThat(variable.field("scale").schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(variable.field("value").schema()).isEqualTo(Schema.BYTES_SCHEMA);
    }

    @Test
    void decimalsAsDoubleOrString() {
        ConnectSchemaMapper asDouble = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withDecimalHandling(DecimalHandling.DOUBLE));
        ConnectSchemaMapper asString = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withDecimalHandling(DecimalHandling.STRING));
        assertPlain(asDouble.typeSchema(ColumnType.decimal(10, 2)), Schema.Type.FLOAT64);
        assertPlain(asDouble.typeSchema(ColumnType.variableScaleDecimal()), Schema.Type.FLOAT64);
        assertPlain(asString.typeSchema(ColumnType.decimal(10, 2)), Schema.Type.STRING);
    }

    @Test
    void textAndBinary() {
        assertPlain(schemaOf(ColumnType.string(10).withCharset("utf8mb4")), Schema.Type.STRING);
        assertPlain(schemaOf(ColumnType.fixedString(2)), Schema.Type.STRING);
        assertPlain(schemaOf(ColumnType.binary(16)), Schema.Type.BYTES);
        assertPlain(schemaOf(ColumnType.varbinary()), Schema.Type.BYTES);
    }

    @Test
    void temporalTypesInDefaultMode() {
        assertDebezium(schemaOf(ColumnType.date()), Schema.Type.INT32, "io.debezium.time.Date");
        assertDebezium(schemaOf(ColumnType.time(0)), Schema.Type.INT64, "io.debezium.time.MicroTime");
        assertDebezium(schemaOf(ColumnType.time(3)), Schema.Type.INT64, "io.debezium.time.MicroTime");
        assertDebezium(schemaOf(ColumnType.timestamp(0)), Schema.Type.INT64, "io.debezium.time.Timestamp");
        assertDebezium(schemaOf(ColumnType.timestamp(3)), Schema.Type.INT64, "io.debezium.time.Timestamp");
        assertDebezium(schemaOf(ColumnType.timestamp(4)), Schema.Type.INT64, "io.debezium.time.MicroTimestamp");
        assertDebezium(schemaOf(ColumnType.timestamp(6)), Schema.Type.INT64, "io.debezium.time.MicroTimestamp");
        assertDebezium(schemaOf(ColumnType.timestamp(9)), Schema.Type.INT64, "io.debezium.time.NanoTimestamp");
        assertDebezium(schemaOf(ColumnType.timestampWithTimeZone(0)), Schema.Type.STRING, "io.debezium.time.ZonedTimestamp");
        assertDebezium(schemaOf(ColumnType.timeWithTimeZone(6)), Schema.Type.STRING, "io.debezium.time.ZonedTime");
        assertDebezium(schemaOf(ColumnType.year()), Schema.Type.INT32, "io.debezium.time.Year");
        assertDebezium(schemaOf(ColumnType.interval()), Schema.Type.INT64, "io.debezium.time.MicroDuration");
    }

    @Test
    void adaptiveTimeAdaptsTimeToPrecision() {
        ConnectSchemaMapper adaptive = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withTimePrecision(TimePrecision.ADAPTIVE));
        assertDebezium(adaptive.typeSchema(ColumnType.time(3)), Schema.Type.INT32, "io.debezium.time.Time");
        assertDebezium(adaptive.typeSchema(ColumnType.time(6)), Schema.Type.INT64, "io.debezium.time.MicroTime");
        assertDebezium(adaptive.typeSchema(ColumnType.time(9)), Schema.Type.INT64, "io.debezium.time.NanoTime");
        assertDebezium(adaptive.typeSchema(ColumnType.timestamp(2)), Schema.Type.INT64, "io.debezium.time.Timestamp");
    }

    @Test
    void connectTimeModeUsesConnectLogicalTypes() {
        ConnectSchemaMapper connect = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withTimePrecision(TimePrecision.CONNECT));
        assertThat(connect.typeSchema(ColumnType.date()).name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        assertThat(connect.typeSchema(ColumnType.time(6)).name()).isEqualTo(org.apache.kafka.connect.data.Time.LOGICAL_NAME);
        assertThat(connect.typeSchema(ColumnType.timestamp(6)).name()).isEqualTo(org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME);
    }

    @Test
    void intervalAsString() {
        ConnectSchemaMapper strings = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withIntervalHandling(IntervalHandling.STRING));
        assertDebezium(strings.typeSchema(ColumnType.interval()), Schema.Type.STRING, "io.debezium.time.Interval");
    }

    @Test
    void semanticStringTypes() {
        assertDebezium(schemaOf(ColumnType.json()), Schema.Type.STRING, "io.debezium.data.Json");
        assertDebezium(schemaOf(ColumnType.uuid()), Schema.Type.STRING, "io.debezium.data.Uuid");
        Schema enumSchema = schemaOf(ColumnType.enumOf(List.of("small", "large")));
        assertDebezium(enumSchema, Schema.Type.STRING, "io.debezium.data.Enum");
        assertThat(enumSchema.parameters()).containsEntry("allowed", "small,large");
        Schema set = schemaOf(ColumnType.setOf(List.of("a", "b", "c")));
        assertDebezium(set, Schema.Type.STRING, "io.debezium.data.EnumSet");
        assertThat(set.parameters()).containsEntry("allowed", "a,b,c");
    }

    @Test
    void bitsAreBooleanForOneBitElseBytes() {
        assertPlain(schemaOf(ColumnType.bit(1)), Schema.Type.BOOLEAN);
        Schema bits = schemaOf(ColumnType.bit(12));
        assertDebezium(bits, Schema.Type.BYTES, "io.debezium.data.Bits");
        assertThat(bits.parameters()).containsEntry("length", "12");
    }

    @Test
    void geometryIsWkbStruct() {
        Schema geometry = schemaOf(ColumnType.geometry());
        assertDebezium(geometry, Schema.Type.STRUCT, "io.debezium.data.geometry.Geometry");
        assertThat(geometry.field("wkb").schema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(geometry.field("srid").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
    }

    @Test
    void arraysHaveOptionalElements() {
        Schema array = schemaOf(ColumnType.array(ColumnType.int32()));
        assertThat(array.type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(array.valueSchema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
    }

    @Test
    void nullableColumnsAreOptional() {
        Column nullable = Column.builder("a", ColumnType.int32()).build();
        Column required = Column.builder("b", ColumnType.int32()).nullable(false).build();
        assertThat(mapper.columnSchema(nullable).isOptional()).isTrue();
        assertThat(mapper.columnSchema(required).isOptional()).isFalse();
        Column optionalDecimal = Column.builder("c", ColumnType.decimal(5, 1)).build();
        assertThat(mapper.columnSchema(optionalDecimal).isOptional()).isTrue();
        assertThat(mapper.columnSchema(optionalDecimal).parameters()).containsEntry("scale", "1");
    }

    @Test
    void rowAndKeySchemas() {
        TableSchema table = TableSchema.builder(TableId.ofCatalogTable("inventory", "orders"))
                .column("tenant", ColumnType.int32(), false)
                .column("id", ColumnType.int64(), false)
                .column("note", ColumnType.string(200), true)
                .primaryKey("id", "tenant").build();
        Schema row = mapper.rowSchema(table, "dbserver1.inventory.orders.Value");
        assertThat(row.name()).isEqualTo("dbserver1.inventory.orders.Value");
        assertThat(row.isOptional()).isTrue();
        assertThat(row.fields()).extracting(f -> f.name()).containsExactly("tenant", "id", "note");
        assertThat(row.field("note").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);

        Schema key = mapper.keySchema(table, "dbserver1.inventory.orders.Key").orElseThrow();
        assertThat(key.isOptional()).isFalse();
        assertThat(key.fields()).extracting(f -> f.name()).containsExactly("id", "tenant");
        assertThat(key.field("id").schema()).isEqualTo(Schema.INT64_SCHEMA);
    }

    @Test
    void keySchemaIsEmptyWithoutPrimaryKeyAndChecksChosenColumns() {
        TableSchema table = TableSchema.builder(TableId.ofCatalogTable("db", "log")).column("line", ColumnType.string(), true).build();
        assertThat(mapper.keySchema(table, "k")).isEmpty();
        assertThat(mapper.keySchema(table, List.of("line"), "k")).map(s -> s.field("line").schema().type())
                .contains(Schema.Type.STRING);
        assertThatThrownBy(() -> mapper.keySchema(table, List.of("nope"), "k"))
                .hasMessage("key column 'nope' is not a column of table db..log; columns are [line]");
    }

    @Test
    void sourceTypeParametersOnlyWhenAsked() {
        Column column = Column.builder("price", ColumnType.decimal(10, 2).withNativeTypeName("DECIMAL")).build();
        assertThat(mapper.columnSchema(column).parameters()).doesNotContainKey("__debezium.source.column.type");

        ConnectSchemaMapper propagating = new ConnectSchemaMapper(ConnectMappingOptions.defaults().withPropagateSourceTypes(true));
        assertThat(propagating.columnSchema(column).parameters())
                .containsEntry("__debezium.source.column.type", "DECIMAL")
                .containsEntry("__debezium.source.column.length", "10")
                .containsEntry("__debezium.source.column.scale", "2")
                .containsEntry("__cdc.column.logical.type", "DECIMAL(10,2)")
                .containsEntry("scale", "2");
        Column text = Column.builder("name", ColumnType.string(64)).build();
        assertThat(propagating.columnSchema(text).parameters())
                .containsEntry("__debezium.source.column.length", "64")
                .doesNotContainKey("__debezium.source.column.type");
    }

    @Test
    void defaultsComeFromTheConverter() {
        ColumnDefaultConverter parseNumbers = (column, schema) -> schema.type() == Schema.Type.INT32
                ? Optional.of(Integer.valueOf(column.defaultValueExpression().orElseThrow()))
                : Optional.empty();
        ConnectSchemaMapper withDefaults = new ConnectSchemaMapper(ConnectMappingOptions.defaults(), parseNumbers);
        Column counter = Column.builder("n", ColumnType.int32()).nullable(false).defaultValueExpression("7").build();
        Column created = Column.builder("t", ColumnType.timestamp(0)).defaultValueExpression("CURRENT_TIMESTAMP").build();
        assertThat(withDefaults.columnSchema(counter).defaultValue()).isEqualTo(7);
        assertThat(withDefaults.columnSchema(created).defaultValue()).isNull();
        assertThat(mapper.columnSchema(counter).defaultValue()).isNull();
    }

    @Test
    void aDefaultOfTheWrongTypeNamesTheColumn() {
        ConnectSchemaMapper wrong = new ConnectSchemaMapper(ConnectMappingOptions.defaults(),
                (column, schema) -> Optional.of(new BigDecimal("1.5")));
        Column counter = Column.builder("n", ColumnType.int32()).defaultValueExpression("1.5").build();
        assertThatThrownBy(() -> wrong.columnSchema(counter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("default 1.5 (BigDecimal) of column 'n' does not fit its Connect schema INT32");
    }
}
