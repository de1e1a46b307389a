package dev.cdc.sink.elasticsearch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.sink.elasticsearch.BadRecordException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class FlatEventReaderTest {
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
            .field("__source_position", Schema.OPTIONAL_INT64_SCHEMA).field("__deleted", Schema.OPTIONAL_STRING_SCHEMA)
            .field("__table", Schema.OPTIONAL_STRING_SCHEMA).build();
    private final FlatEventReader reader = new FlatEventReader("__source_position");

    private static SinkRecord record(Object value) {
        return new SinkRecord("cdc.shop.orders", 0, null, null, value instanceof Struct s ? s.schema() : null, value, 0);
    }

    @Test
    void rowIsIndexedWithItsPosition() {
        Struct row = new Struct(ROW).put("id", 1L).put("__source_position", 500L).put("__deleted", "false").put("__table", "Orders2");
        ChangeEvent event = reader.read(record(row));
        assertThat(event.op()).isEqualTo(Operation.UPDATE);
        assertThat(event.position()).isEqualTo(500L);
        assertThat(event.row()).isSameAs(row);
        assertThat(event.table()).isEqualTo(new TableRef("cdc.shop.orders", "shop", null, "Orders2"));
    }

    @Test
    void rewrittenDeleteIsADelete() {
        Struct row = new Struct(ROW).put("id", 1L).put("__source_position", 501L).put("__deleted", "true");
        ChangeEvent event = reader.read(record(row));
        assertThat(event.op()).isEqualTo(Operation.DELETE);
        assertThat(event.row()).isNull();
    }

    @Test
    void schemalessRowsAndOpField() {
        ChangeEvent event = reader.read(record(Map.of("id", 1L, "__source_position", 3L, "__op", "d")));
        assertThat(event.op()).isEqualTo(Operation.DELETE);
    }

    @Test
    void missingPositionSaysHowToAddIt() {
        assertThatThrownBy(() -> reader.read(record(new Struct(ROW).put("id", 1L))))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("the flat row has no int64 field __source_position (found null); add it with ExtractNewRecordState"
                        + " add.fields=source.position, or set flat.position.field");
    }
}
