package dev.cdc.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.server.GtidFlavor;
import org.junit.jupiter.api.Test;

class GtidTrackerTest {
    @Test
    void mariaDbKeepsTheLastGtidPerDomain() {
        GtidTracker tracker = GtidTracker.of(GtidFlavor.MARIADB, "1-2-7,0-1-600");

        tracker.add("0-1-601");
        tracker.add("0-3-602");
        tracker.add("5-1-1");

        assertThat(tracker).hasToString("0-3-602,1-2-7,5-1-1");
    }

    @Test
    void mariaDbRefusesOtherForms() {
        assertThatThrownBy(() -> GtidTracker.of(GtidFlavor.MARIADB, null).add("3e11fa47-71ca-11e1-9e33-c80aa9429562:5"))
                .hasMessageContaining("is not a MariaDB GTID");
    }

    @Test
    void mySqlMergesIntervals() {
        GtidTracker tracker = GtidTracker.of(GtidFlavor.MYSQL, "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");

        tracker.add("3e11fa47-71ca-11e1-9e33-c80aa9429562:6");
        tracker.add("3e11fa47-71ca-11e1-9e33-c80aa9429562:8");

        assertThat(tracker).hasToString("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-6:8-8");
    }

    @Test
    void withoutGtids() {
        GtidTracker tracker = GtidTracker.of(GtidFlavor.NONE, null);

        tracker.add("anything");

        assertThat(tracker).hasToString("");
    }
}
