package dev.cdc.sink.jdbc.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.schema.ColumnType;
import dev.cdc.sink.jdbc.dialect.WriteColumn;
import dev.cdc.sink.jdbc.record.FieldColumn;
import dev.cdc.sink.jdbc.record.RecordShape;
import dev.cdc.sink.jdbc.record.SinkChange;
import dev.cdc.sink.jdbc.record.UnavailableValue;
import dev.cdc.sink.jdbc.table.TableBinding;
import dev.cdc.sink.jdbc.table.TableRef;

class BatchReducerTest {
    private static final TableRef TABLE = new TableRef(null, "t");
    private static final RecordShape SHAPE = new RecordShape(TABLE, RecordShape.KeySource.KEY_STRUCT,
            List.of(new FieldColumn("id", Schema.INT32_SCHEMA, ColumnType.int32(), false)),
            List.of(new FieldColumn("a", Schema.OPTIONAL_STRING_SCHEMA, ColumnType.string(), true),
                    new FieldColumn("b", Schema.OPTIONAL_STRING_SCHEMA, ColumnType.string(), true)));
    private static final TableBinding BINDING = new TableBinding(TABLE, SHAPE, List.of(), List.of(),
            new WriteColumn("__cdc_position", ColumnType.int64(), "bigint"), null, null, List.of(), null);
    private long offset;

    private PendingChange change(SinkChange.Kind kind, Object key, long position, Object... row) {
        SinkRecord record = new SinkRecord("topic", 0, null, null, null, null, offset++);
        return new PendingChange(new SinkChange(record, kind, TABLE, SHAPE, new Object[] {key}, row, position), BINDING);
    }

    @Test
    void keepsTheLastChangeOfEachKey() {
        PendingChange first = change(SinkChange.Kind.UPSERT, 1, 10, "x", "y");
        PendingChange other = change(SinkChange.Kind.UPSERT, 2, 11, "p", "q");
        PendingChange delete = change(SinkChange.Kind.DELETE, 1, 12);
        assertThat(BatchReducer.reduce(List.of(first, other, delete))).containsExactly(other, delete);
    }

    @Test
    void byteArrayKeysCompareByContent() {
        PendingChange first = change(SinkChange.Kind.UPSERT, new byte[] {1, 2}, 10, "x", "y");
        PendingChange second = change(SinkChange.Kind.UPSERT, new byte[] {1, 2}, 11, "z", "y");
        assertThat(BatchReducer.reduce(List.of(first, second))).containsExactly(second);
    }

    @Test
    void anUnavailableToastValueIsTakenFromTheEarlierChangeOfTheKey() {
        PendingChange first = change(SinkChange.Kind.UPSERT, 1, 10, "x", "big value");
        PendingChange second = change(SinkChange.Kind.UPSERT, 1, 11, "z", UnavailableValue.INSTANCE);
        List<PendingChange> reduced = BatchReducer.reduce(List.of(first, second));
        assertThat(reduced).singleElement().satisfies(change -> {
            assertThat(change.change().row()).containsExactly("z", "big value");
            assertThat(change.change().position()).isEqualTo(11);
            assertThat(change.change().record()).isSameAs(second.change().record());
        });
    }

    @Test
    void anUnavailableValueIsTakenFromAnInsertOfAnotherRecordSchemaByColumnName() {
        RecordShape older = new RecordShape(TABLE, RecordShape.KeySource.KEY_STRUCT, SHAPE.keyColumns(),
                List.of(new FieldColumn("b", Schema.OPTIONAL_STRING_SCHEMA, ColumnType.string(), true)));
        SinkRecord record = new SinkRecord("topic", 0, null, null, null, null, offset++);
        PendingChange insert = new PendingChange(new SinkChange(record, SinkChange.Kind.UPSERT, TABLE, older, new Object[] {1},
                new Object[] {"big value"}, 10L), BINDING);
        PendingChange update = change(SinkChange.Kind.UPSERT, 1, 11, "z", UnavailableValue.INSTANCE);
        assertThat(BatchReducer.reduce(List.of(insert, update))).singleElement()
                .satisfies(change -> assertThat(change.change().row()).containsExactly("z", "big value"));
    }

    @Test
    void severalUpdatesWithUnavailableValuesKeepTheValueOfTheInsert() {
        PendingChange insert = change(SinkChange.Kind.UPSERT, 1, 10, "x", "big value");
        PendingChange first = change(SinkChange.Kind.UPSERT, 1, 11, "y", UnavailableValue.INSTANCE);
        PendingChange second = change(SinkChange.Kind.UPSERT, 1, 12, "z", UnavailableValue.INSTANCE);
        assertThat(BatchReducer.reduce(List.of(insert, first, second))).singleElement()
                .satisfies(change -> assertThat(change.change().row()).containsExactly("z", "big value"));
    }

    @Test
    void anUpdateAfterADeleteDoesNotTakeValuesFromBeforeTheDelete() {
        PendingChange insert = change(SinkChange.Kind.UPSERT, 1, 10, "x", "big value");
        PendingChange delete = change(SinkChange.Kind.DELETE, 1, 11);
        PendingChange update = change(SinkChange.Kind.UPSERT, 1, 12, "z", UnavailableValue.INSTANCE);
        assertThat(BatchReducer.reduce(List.of(insert, delete, update)).get(0).change().row()[1]).isSameAs(UnavailableValue.INSTANCE);
    }

    @Test
    void anUnavailableValueStaysUnavailableWithoutAnEarlierValue() {
        PendingChange only = change(SinkChange.Kind.UPSERT, 1, 11, "z", UnavailableValue.INSTANCE);
        assertThat(BatchReducer.reduce(List.of(only)).get(0).change().row()[1]).isSameAs(UnavailableValue.INSTANCE);
    }
}
