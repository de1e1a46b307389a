package dev.cdc.source.mysql.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.source.mysql.offset.StreamOffset;
import dev.cdc.source.mysql.server.GtidFlavor;
import org.junit.jupiter.api.Test;

class BinlogStreamerTest {
    private static StreamOffset offset(String gtids) {
        return new StreamOffset("mysql-bin.000001", 4, gtids, 0, 0);
    }

    @Test
    void resumesByGtidSetOnlyWhenTheOffsetHasOneInTheServersFlavour() {
        assertThat(BinlogStreamer.resumeByGtids(offset("0-1-42"), GtidFlavor.MARIADB)).isTrue();
        assertThat(BinlogStreamer.resumeByGtids(offset("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), GtidFlavor.MYSQL)).isTrue();
        assertThat(BinlogStreamer.resumeByGtids(offset("0-1-42"), GtidFlavor.MYSQL)).isFalse();
        assertThat(BinlogStreamer.resumeByGtids(offset("0-1-42"), GtidFlavor.NONE)).isFalse();
        assertThat(BinlogStreamer.resumeByGtids(offset(null), GtidFlavor.MARIADB)).isFalse();
    }
}
