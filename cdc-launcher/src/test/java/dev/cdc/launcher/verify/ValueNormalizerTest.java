package dev.cdc.launcher.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ColumnInfo column(String dataType, String columnType) {
        return new ColumnInfo("c", dataType, columnType);
    }

    private static void assertSame(ColumnInfo column, Object source, JsonNode document) {
        assertThat(ValueNormalizer.document(column, document)).isEqualTo(ValueNormalizer.source(column, source));
    }

    @Test
    void decimalsCompareByValueWhetherStringOrNumber() {
        ColumnInfo decimal = column("decimal", "decimal(12,2)");
        assertSame(decimal, "537.10", NODES.textNode("537.1"));
        assertSame(decimal, "537.10", NODES.numberNode(new java.math.BigDecimal("537.10")));
        assertSame(decimal, "0.00", NODES.textNode("0"));
        assertThat(ValueNormalizer.document(decimal, NODES.textNode("537.11"))).isNotEqualTo(ValueNormalizer.source(decimal, "537.10"));
    }

    @Test
    void datetimeIsAnInstantInUtcWhateverTheSpelling() {
        ColumnInfo datetime = column("datetime", "datetime(3)");
        String mysql = "2024-08-23 02:05:38.521";
        assertSame(datetime, mysql, NODES.textNode("2024-08-23T02:05:38.521Z"));
        assertSame(datetime, mysql, NODES.textNode("2024-08-23T02:05:38.521"));
        assertSame(datetime, mysql, NODES.numberNode(1724378738521L));
        assertSame(datetime, mysql, NODES.numberNode(1724378738521000L));
        assertThat(ValueNormalizer.document(datetime, NODES.textNode("2024-08-23T02:05:38.522Z"))).isNotEqualTo(ValueNormalizer.source(datetime, mysql));
    }

    @Test
    void timestampWithOffsetAndZeroDates() {
        ColumnInfo timestamp = column("timestamp", "timestamp(3)");
        assertSame(timestamp, "2024-08-23 02:05:38.000", NODES.textNode("2024-08-23T04:05:38+02:00"));
        assertThat(ValueNormalizer.source(timestamp, "0000-00-00 00:00:00")).isNull();
        assertThat(ValueNormalizer.source(column("date", "date"), "0000-00-00")).isNull();
    }

    @Test
    void datesFromTextEpochDaysOrMillis() {
        ColumnInfo date = column("date", "date");
        assertSame(date, "2024-01-31", NODES.textNode("2024-01-31"));
        assertSame(date, "2024-01-31", NODES.numberNode(19753));
        assertSame(date, "2024-01-31", NODES.numberNode(1706659200000L));
        assertSame(date, "2024-01-31", NODES.textNode("2024-01-31T00:00:00Z"));
    }

    @Test
    void timeAsMicrosecondsFromTextOrNumber() {
        ColumnInfo time = column("time", "time(6)");
        assertSame(time, "12:34:56.123456", NODES.numberNode(45_296_123_456L));
        assertSame(time, "-01:00:00", NODES.textNode("-01:00:00.000000"));
        assertSame(time, "838:59:59", NODES.numberNode(3_020_399_000_000L));
    }

    @Test
    void jsonComparesByStructureWhetherStringOrObject() throws Exception {
        ColumnInfo json = column("json", "longtext");
        String mysql = "{\"newsletter\": true, \"language\": \"jp\", \"interests\": [\"Ñandú\"]}";
        assertSame(json, mysql, NODES.textNode("{\"language\":\"jp\",\"newsletter\":true,\"interests\":[\"Ñandú\"]}"));
        assertSame(json, mysql, new ObjectMapper().readTree("{\"interests\":[\"Ñandú\"],\"language\":\"jp\",\"newsletter\":true}"));
        assertThat(ValueNormalizer.document(json, NODES.textNode("{\"language\":\"jp\",\"newsletter\":false,\"interests\":[\"Ñandú\"]}")))
                .isNotEqualTo(ValueNormalizer.source(json, mysql));
    }

    @Test
    void integersFloatsAndText() {
        assertSame(column("bigint", "bigint(20) unsigned"), "18446744073709551615", NODES.textNode("18446744073709551615"));
        assertSame(column("int", "int(11)"), "42", NODES.numberNode(42));
        assertSame(column("float", "float"), "1.1", NODES.numberNode(1.100000023841858));
        assertSame(column("double", "double"), "0.1", NODES.numberNode(0.1));
        assertSame(column("varchar", "varchar(200)"), "gift wrap 🎁", NODES.textNode("gift wrap 🎁"));
        assertSame(column("enum", "enum('a','b')"), "b", NODES.textNode("b"));
        assertThat(ValueNormalizer.document(column("varchar", "varchar(10)"), null)).isNull();
        assertThat(ValueNormalizer.document(column("varchar", "varchar(10)"), NODES.nullNode())).isNull();
    }

    @Test
    void binaryAsBase64AndBitsLittleEndian() {
        assertSame(column("varbinary", "varbinary(4)"), new byte[] {1, 2, 3}, NODES.textNode("AQID"));
        assertSame(column("bit", "bit(1)"), new byte[] {1}, NODES.booleanNode(true));
        // MySQL b'0000000100000010' (big-endian 0x01 0x02) is Debezium Bits 0x02 0x01
        assertSame(column("bit", "bit(16)"), new byte[] {1, 2}, NODES.textNode("AgE="));
    }
}
