package dev.cdc.source.mysql.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.position.SourcePosition;
import dev.cdc.core.snapshot.SnapshotState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamOffsetTest {
    @Test
    void roundTripsThroughAnOffsetMap() {
        StreamOffset offset = new StreamOffset("mysql-bin.000003", 1234, "0-1-42", 2, 5);
        assertThat(offset.toMap()).containsExactly(Map.entry("file", "mysql-bin.000003"), Map.entry("pos", 1234L),
                Map.entry("gtids", "0-1-42"), Map.entry("event", 2L), Map.entry("row", 5L));
        assertThat(StreamOffset.fromMap(offset.toMap())).contains(offset);
    }

    @Test
    void readsNumbersAsConnectsJsonStoreGivesThemBack() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("file", "mysql-bin.000001");
        stored.put("pos", 4);
        stored.put("row", "3");
        assertThat(StreamOffset.fromMap(stored)).contains(new StreamOffset("mysql-bin.000001", 4, null, 0, 3));
    }

    @Test
    void noFileMeansNoOffset() {
        assertThat(StreamOffset.fromMap(null)).isEmpty();
        assertThat(StreamOffset.fromMap(Map.of("pos", 4L))).isEmpty();
    }

    @Test
    void aDamagedValueNamesItsKey() {
        assertThatThrownBy(() -> StreamOffset.fromMap(Map.of("file", "mysql-bin.000001", "pos", "four")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset key 'pos' holds 'four', not a number");
    }

    @Test
    void blankGtidsAreNone() {
        assertThat(new StreamOffset("mysql-bin.000001", 4, " ", 0, 0).toMap()).doesNotContainKey("gtids");
    }

    @Test
    void theOffsetCarriesTheSnapshotStateOnlyWhileItRuns() {
        StreamOffset stream = StreamOffset.at(new BinlogPosition("mysql-bin.000001", 4), null);
        SnapshotState running = SnapshotState.start(List.of("db..t"));
        assertThat(new OffsetContext(null).offset(stream, running)).containsKey(SnapshotState.TABLES).containsEntry("file", "mysql-bin.000001");
        assertThat(new OffsetContext(null).offset(stream, null)).doesNotContainKey(SnapshotState.TABLES);
    }

    @Test
    void binlogPositionsOrderByFileNumberThenOffset() {
        BinlogPosition early = new BinlogPosition("mysql-bin.000002", 900_000);
        BinlogPosition late = new BinlogPosition("mysql-bin.000010", 4);
        assertThat(late).isGreaterThan(early);
        assertThat(late.isAtOrAfter(early)).isTrue();
        assertThat(early.isAtOrAfter(early)).isTrue();
        assertThat(late.sourcePosition()).isEqualTo(SourcePosition.mysql(10, 4, 5, 0)).isGreaterThan(early.sourcePosition());
    }
}
