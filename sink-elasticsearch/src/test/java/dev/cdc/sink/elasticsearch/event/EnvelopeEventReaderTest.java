package dev.cdc.sink.elasticsearch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.position.SourcePosition;
import dev.cdc.sink.elasticsearch.BadRecordException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class EnvelopeEventReaderTest {
    static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema SOURCE = SchemaBuilder.struct()
            .field("db", Schema.STRING_SCHEMA).field("schema", Schema.OPTIONAL_STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("position", Schema.OPTIONAL_INT64_SCHEMA)
            .field("file", Schema.OPTIONAL_STRING_SCHEMA).field("pos", Schema.OPTIONAL_INT64_SCHEMA).field("row", Schema.OPTIONAL_INT32_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
    static final Schema ENVELOPE = SchemaBuilder.struct().field("before", ROW).field("after", ROW).field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).build();

    private final EnvelopeEventReader reader = new EnvelopeEventReader();

    static Struct source(Long position) {
        return new Struct(SOURCE).put("db", "Shop").put("table", "Orders").put("position", position);
    }

    static SinkRecord record(String op, Struct source, Struct after) {
        Struct value = new Struct(ENVELOPE).put("op", op).put("source", source).put("after", after);
        return new SinkRecord("cdc.Shop.Orders", 0, null, null, ENVELOPE, value, 5);
    }

    @Test
    void createCarriesAfterImageTableAndPosition() {
        Struct after = new Struct(ROW).put("id", 1L).put("name", "a");
        ChangeEvent event = reader.read(record("c", source(77L), after));
        assertThat(event.op()).isEqualTo(Operation.CREATE);
        assertThat(event.position()).isEqualTo(77L);
        assertThat(event.row()).isSameAs(after);
        assertThat(event.rowSchema()).isSameAs(ROW);
        assertThat(event.table()).isEqualTo(new TableRef("cdc.Shop.Orders", "Shop", null, "Orders"));
    }

    @Test
    void deleteAndTruncateHaveNoRow() {
        assertThat(reader.read(record("d", source(9L), null)).row()).isNull();
        assertThat(reader.read(record("t", source(9L), null)).op()).isEqualTo(Operation.TRUNCATE);
    }

    @Test
    void debeziumMysqlPositionFromFilePosRow() {
        Struct source = new Struct(SOURCE).put("db", "shop").put("file", "mysql-bin.000042").put("pos", 1_000L).put("row", 3);
        assertThat(reader.read(record("u", source, new Struct(ROW).put("id", 1L))).position())
                .isEqualTo(SourcePosition.mysql(42, 1_000, Long.MAX_VALUE, 3));
    }

    @Test
    void debeziumPostgresPositionFromLsn() {
        Struct source = new Struct(SOURCE).put("db", "shop").put("lsn", 123_456L);
        assertThat(reader.read(record("r", source, new Struct(ROW).put("id", 1L))).position())
                .isEqualTo(SourcePosition.postgres(123_456L, 0));
    }

    @Test
    void badEnvelopes() {
        assertThatThrownBy(() -> reader.read(record("x", source(1L), null)))
                .isInstanceOf(BadRecordException.class).hasMessage("op 'x' is not one of c, u, r, d, t");
        assertThatThrownBy(() -> reader.read(record("c", source(1L), null)))
                .isInstanceOf(BadRecordException.class).hasMessage("op c has no 'after' row");
        assertThatThrownBy(() -> reader.read(record("c", new Struct(SOURCE).put("db", "x"), new Struct(ROW).put("id", 1L))))
                .isInstanceOf(BadRecordException.class).hasMessage("the source block has no 'position', no binlog 'file'/'pos' and no 'lsn'");
        SinkRecord row = new SinkRecord("t", 0, null, null, ROW, new Struct(ROW).put("id", 1L), 0);
        assertThatThrownBy(() -> reader.read(row))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("set record.format=flat");
        SinkRecord text = new SinkRecord("t", 0, null, null, null, "text", 0);
        assertThatThrownBy(() -> reader.read(text))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("not a change-event struct but String");
    }
}
