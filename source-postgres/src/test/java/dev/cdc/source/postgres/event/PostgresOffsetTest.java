package dev.cdc.source.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresOffsetTest {
    @Test
    void skipsWhatWasEmittedAndNothingElse() {
        PostgresOffset offset = new PostgresOffset(1000, 2000, 3, 7);

        assertThat(offset.alreadyEmitted(2000, 3)).isTrue();
        assertThat(offset.alreadyEmitted(2000, 0)).isTrue();
        assertThat(offset.alreadyEmitted(1999, 99)).as("an earlier transaction").isTrue();
        assertThat(offset.alreadyEmitted(2000, 4)).isFalse();
        assertThat(offset.alreadyEmitted(2001, 0)).isFalse();
        assertThat(PostgresOffset.at(1000).alreadyEmitted(1000, 0)).as("nothing to skip").isFalse();
    }

    @Test
    void roundTripsThroughTheOffsetMap() {
        PostgresOffset offset = new PostgresOffset(1000, 2000, 3, 7);

        assertThat(offset.toMap()).isEqualTo(Map.of("lsn", 1000L, "lsn_commit", 2000L, "index", 3L, "txId", 7L));
        assertThat(PostgresOffset.from(offset.toMap())).contains(offset);
        assertThat(PostgresOffset.at(5).toMap()).isEqualTo(Map.of("lsn", 5L));
        assertThat(PostgresOffset.from(Map.of("lsn", 5))).contains(PostgresOffset.at(5));
        assertThat(PostgresOffset.from(Map.of())).isEmpty();
        assertThat(PostgresOffset.from(null)).isEmpty();
    }
}
