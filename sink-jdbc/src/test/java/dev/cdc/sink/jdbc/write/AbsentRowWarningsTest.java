package dev.cdc.sink.jdbc.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.FieldColumn;
import dev.cdc.sink.jdbc.record.RecordShape;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.table.TableBinding;
import dev.cdc.sink.jdbc.table.TableRef;

class AbsentRowWarningsTest {
    private static final TableRef TABLE = new TableRef("shop", "customers");
    private static final RecordShape SHAPE = new RecordShape(TABLE, RecordShape.KeySource.KEY_STRUCT,
            List.of(new FieldColumn("id", Schema.INT32_SCHEMA, ColumnType.int32(), false)), List.of());
    private static final TableBinding BINDING = new TableBinding(TABLE, SHAPE, List.of(), List.of(),
            new WriteColumn("__cdc_position", ColumnType.int64(), "bigint"), null, null, List.of(), null);

    private static PendingChange change(int id, long offset) {
        SinkRecord record = new SinkRecord("cdc.shop.customers", 2, null, null, null, null, offset);
        return new PendingChange(new SinkChange(record, SinkChange.Kind.UPSERT, TABLE, SHAPE, new Object[] {id}, new Object[0], 10L),
                BINDING);
    }

    @Test
    void theMessageNamesTableKeysColumnsAndTheFirstRecord() {
        String message = AbsentRowWarnings.message(TABLE, List.of("id"), List.of("bio"), List.of(change(7, 40), change(8, 41)));
        assertThat(message).startsWith("Table shop.customers holds no row for 2 change(s) whose unchanged TOAST column(s) [bio]")
                .contains("inserting them with NULL in those columns").contains("Key(s): {id=7}, {id=8};")
                .endsWith("first record at topic cdc.shop.customers partition 2 offset 40");
    }

    @Test
    void theMessageListsAtMostTwentyKeys() {
        List<PendingChange> changes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            changes.add(change(i, i));
        }
        assertThat(AbsentRowWarnings.message(TABLE, List.of("id"), List.of("bio"), changes)).contains("{id=19} and 5 more;")
                .doesNotContain("{id=20}");
    }
}
