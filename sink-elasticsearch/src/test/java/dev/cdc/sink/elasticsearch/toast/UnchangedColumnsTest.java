package dev.cdc.sink.elasticsearch.toast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class UnchangedColumnsTest {
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("bio", Schema.OPTIONAL_STRING_SCHEMA)
            .field("photo", Schema.OPTIONAL_BYTES_SCHEMA).field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).build();

    private static SinkRecord record(String header) {
        SinkRecord record = new SinkRecord("t", 0, null, null, null, null, 0);
        if (header != null) {
            record.headers().addString(UnchangedColumns.HEADER, header);
        }
        return record;
    }

    @Test
    void headerNamedFieldsThatAreNullAreUnchanged() {
        Struct row = new Struct(ROW).put("id", 1L).put("name", "sent");
        assertThat(UnchangedColumns.of(record("bio, name,photo"), row)).containsExactly("bio", "photo");
    }

    @Test
    void aNullWithoutTheHeaderIsANull() {
        assertThat(UnchangedColumns.of(record(null), new Struct(ROW).put("id", 1L))).isEmpty();
    }

    @Test
    void debeziumsPlaceholderAsTextBytesAndListIsUnchanged() {
        byte[] bytes = UnchangedColumns.PLACEHOLDER.getBytes(StandardCharsets.UTF_8);
        Struct row = new Struct(ROW).put("id", 1L).put("bio", UnchangedColumns.PLACEHOLDER).put("photo", bytes)
                .put("tags", List.of(UnchangedColumns.PLACEHOLDER)).put("name", "x");
        assertThat(UnchangedColumns.of(record(null), row)).containsExactly("bio", "photo", "tags");
        assertThat(UnchangedColumns.isPlaceholder(ByteBuffer.wrap(bytes))).isTrue();
        assertThat(UnchangedColumns.isPlaceholder(List.of(UnchangedColumns.PLACEHOLDER, "more"))).isFalse();
    }

    @Test
    void schemalessRowsToo() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 1L);
        row.put("bio", null);
        row.put("notes", UnchangedColumns.PLACEHOLDER);
        assertThat(UnchangedColumns.of(record("bio"), row)).containsExactlyInAnyOrder("bio", "notes");
    }
}
