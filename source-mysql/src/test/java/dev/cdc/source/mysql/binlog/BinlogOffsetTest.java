package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinlogOffsetTest {
    @Test
    void roundTripsThroughTheConnectOffsetMap() {
        BinlogOffset offset = new BinlogOffset("mysql-bin.000042", 1234, "0-1-609", 2, 5);

        Map<String, Object> map = offset.toMap();

        assertThat(map).containsExactly(Map.entry("file", "mysql-bin.000042"), Map.entry("pos", 1234L), Map.entry("gtids", "0-1-609"),
                Map.entry("event", 2), Map.entry("row", 5));
        assertThat(BinlogOffset.fromMap(map)).contains(offset);
    }

    @Test
    void aTransactionStartHasNoSkipCounts() {
        assertThat(BinlogOffset.at("mysql-bin.000001", 4, null).toMap()).containsOnlyKeys("file", "pos");
    }

    @Test
    void numbersMayComeBackAsOtherNumberTypes() {
        Map<String, Object> stored = Map.of("file", "mysql-bin.000001", "pos", 99, "event", 1L, "row", 3L);

        assertThat(BinlogOffset.fromMap(stored)).contains(new BinlogOffset("mysql-bin.000001", 99, null, 1, 3));
    }

    @Test
    void noOffset() {
        assertThat(BinlogOffset.fromMap(null)).isEmpty();
        assertThat(BinlogOffset.fromMap(Map.of())).isEmpty();
    }

    @Test
    void incompleteOffsetIsNamed() {
        assertThatThrownBy(() -> BinlogOffset.fromMap(Map.of("pos", 4L)))
                .hasMessage("stored offset {pos=4} has no binlog file and position");
    }

    @Test
    void positionBeforeTheFirstEvent() {
        assertThatThrownBy(() -> BinlogOffset.at("mysql-bin.000001", 3, null))
                .hasMessage("binlog position 3 is before the first event (4)");
    }

    @Test
    void blankGtidsAreNone() {
        assertThat(BinlogOffset.at("mysql-bin.000001", 4, " ").gtidSet()).isEmpty();
    }
}
