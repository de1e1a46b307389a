package dev.cdc.sink.jdbc.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.table.TableRef;

class UnchangedToastHeaderTest {
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("bio", Schema.OPTIONAL_STRING_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final RecordShape SHAPE = new RecordShape(new TableRef(null, "t"), RecordShape.KeySource.ROW,
            List.of(new FieldColumn("id", Schema.INT32_SCHEMA, ColumnType.int32(), false)),
            List.of(new FieldColumn("bio", Schema.OPTIONAL_STRING_SCHEMA, ColumnType.string(), true),
                    new FieldColumn("notes", Schema.OPTIONAL_STRING_SCHEMA, ColumnType.string(), true)));

    private static SinkRecord record() {
        return new SinkRecord("t", 0, null, null, ROW, null, 0);
    }

    @Test
    void readsTheCommaSeparatedColumnNames() {
        SinkRecord record = record();
        record.headers().addString(UnchangedToastHeader.NAME, "bio, notes");
        assertThat(UnchangedToastHeader.columns(record)).containsExactlyInAnyOrder("bio", "notes");
    }

    @Test
    void takesTheLastHeaderAndAListAsAHeaderConverterMayParseIt() {
        SinkRecord record = record();
        record.headers().addString(UnchangedToastHeader.NAME, "notes");
        record.headers().addList(UnchangedToastHeader.NAME, List.of("bio"), SchemaBuilder.array(Schema.STRING_SCHEMA).build());
        assertThat(UnchangedToastHeader.columns(record)).containsExactly("bio");
    }

    @Test
    void noHeaderNamesNoColumn() {
        assertThat(UnchangedToastHeader.columns(record())).isEmpty();
    }

    @Test
    void aNamedColumnWithoutValueIsUnavailableAndOneWithAValueIsWritten() {
        Struct row = new Struct(ROW).put("id", 1).put("bio", null).put("notes", "sent anyway");
        assertThat(SHAPE.rowValues(row, Set.of("bio", "notes"))).containsExactly(UnavailableValue.INSTANCE, "sent anyway");
        assertThat(SHAPE.rowValues(row, Set.of())).containsExactly(null, "sent anyway");
    }
}
