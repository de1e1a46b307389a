package dev.cdc.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ApproximateRecordSizeTest {
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA).field("blob", Schema.OPTIONAL_BYTES_SCHEMA).build();

    @Test
    void growsWithTheSizeOfStringsAndBytes() {
        long small = ApproximateRecordSize.of(record(new Struct(ROW).put("id", 1L).put("note", "a")));
        long large = ApproximateRecordSize.of(record(new Struct(ROW).put("id", 1L).put("note", "a".repeat(10_000))
                .put("blob", new byte[5_000])));

        assertThat(large - small).isGreaterThanOrEqualTo(15_000);
    }

    @Test
    void aTombstoneCostsOnlyTheRecordAndItsKey() {
        assertThat(ApproximateRecordSize.of(record(null))).isEqualTo(ApproximateRecordSize.RECORD_OVERHEAD);
    }

    private static SourceRecord record(Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "t", null, null, value == null ? null : ROW, value);
    }
}
