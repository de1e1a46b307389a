package dev.cdc.source.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtidFlavorTest {
    private static final ServerVersion MARIADB = ServerVersion.parse("10.11.6-MariaDB", null);
    private static final ServerVersion MYSQL = ServerVersion.parse("8.0.36", null);

    @Test
    void mariaDbAlwaysHasGtids() {
        assertThat(GtidFlavor.of(MARIADB, null)).isEqualTo(GtidFlavor.MARIADB);
    }

    @Test
    void mySqlOnlyWhenGtidModeIsOn() {
        assertThat(GtidFlavor.of(MYSQL, "ON")).isEqualTo(GtidFlavor.MYSQL);
        assertThat(GtidFlavor.of(MYSQL, "ON_PERMISSIVE")).isEqualTo(GtidFlavor.NONE);
        assertThat(GtidFlavor.of(MYSQL, "OFF")).isEqualTo(GtidFlavor.NONE);
        assertThat(GtidFlavor.of(MYSQL, null)).isEqualTo(GtidFlavor.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-1-609", "0-1-609,1-2-15", " 0-1-12 "})
    void mariaDbSets(String set) {
        assertThat(GtidFlavor.ofGtidSet(set)).isEqualTo(GtidFlavor.MARIADB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5",
            "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7-9,4f22fb58-71ca-11e1-9e33-c80aa9429562:3",
            "3e11fa47-71ca-11e1-9e33-c80aa9429562:etl:1-3"})
    void mySqlSets(String set) {
        assertThat(GtidFlavor.ofGtidSet(set)).isEqualTo(GtidFlavor.MYSQL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql-bin.000003", "0-1"})
    void unrecognised(String set) {
        assertThat(GtidFlavor.ofGtidSet(set)).isEqualTo(GtidFlavor.NONE);
    }
}
