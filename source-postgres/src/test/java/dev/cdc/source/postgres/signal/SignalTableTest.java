package dev.cdc.source.postgres.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cdc.source.postgres.replication.PgOutputMessage.Relation;
import dev.cdc.source.postgres.replication.PgOutputMessage.RelationColumn;
import dev.cdc.source.postgres.replication.TupleData;

class SignalTableTest {
    @Test
    void readsDebeziumsExecuteSnapshotData() {
        assertThat(SignalTable.dataCollections("{\"data-collections\": [\"public.orders\", \"public.items\"], \"type\": \"INCREMENTAL\"}"))
                .containsExactly("public.orders", "public.items");
        assertThat(SignalTable.dataCollections("{\"data-collections\": [\"public.orders\"]}")).containsExactly("public.orders");
    }

    @Test
    void refusesOtherSnapshotTypesAndEmptyLists() {
        assertThatThrownBy(() -> SignalTable.dataCollections("{\"data-collections\": [\"public.orders\"], \"type\": \"blocking\"}"))
                .hasMessageContaining("snapshot type 'blocking' is not supported");
        assertThatThrownBy(() -> SignalTable.dataCollections("{\"data-collections\": []}"))
                .hasMessageContaining("non-empty array");
    }

    @Test
    void recognisesTheSignalTableAndReadsItsRowsByColumnName() {
        SignalTable signals = new SignalTable(Optional.of("public"), Optional.of("cdc_signal"));
        Relation other = new Relation(7, "public", "orders", 'd', List.of());
        Relation signal = new Relation(9, "public", "cdc_signal", 'd', List.of(new RelationColumn(false, "data", 25, -1),
                new RelationColumn(true, "id", 25, -1), new RelationColumn(false, "type", 25, -1)));

        assertThat(signals.onRelation(other)).isFalse();
        assertThat(signals.onRelation(signal)).isTrue();
        assertThat(signals.isSignal(9)).isTrue();
        TupleData row = new TupleData(new TupleData.Kind[] {TupleData.Kind.TEXT, TupleData.Kind.TEXT, TupleData.Kind.TEXT},
                new String[] {"{}", "s-1", "execute-snapshot"});
        assertThat(signals.signal(row)).hasValue(new SignalTable.Signal("s-1", "execute-snapshot", "{}"));
    }
}
