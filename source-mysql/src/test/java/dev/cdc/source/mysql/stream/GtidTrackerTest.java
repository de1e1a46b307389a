package dev.cdc.source.mysql.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.source.mysql.server.GtidFlavor;
import org.junit.jupiter.api.Test;

class GtidTrackerTest {
    @Test
    void mariaDbKeepsTheLastGtidOfEachDomain() {
        GtidTracker tracker = new GtidTracker(GtidFlavor.MARIADB, "0-1-10,1-2-5");
        tracker.completed("0-1-11");
        tracker.completed("2-1-1");
        assertThat(tracker.current()).isEqualTo("0-1-11,1-2-5,2-1-1");
        assertThatThrownBy(() -> tracker.completed("0-1")).hasMessageContaining("domain-server-sequence");
    }

    @Test
    void mySqlAddsToTheIntervalsOfItsSource() {
        GtidTracker tracker = new GtidTracker(GtidFlavor.MYSQL, "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
        tracker.completed("3e11fa47-71ca-11e1-9e33-c80aa9429562:6");
        assertThat(tracker.current()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-6");
    }

    @Test
    void serversWithoutGtidsHaveNone() {
        GtidTracker tracker = new GtidTracker(GtidFlavor.NONE, null);
        tracker.completed("0-1-1");
        assertThat(tracker.current()).isNull();
        assertThat(new GtidTracker(GtidFlavor.MARIADB, "").current()).isNull();
    }
}
