package dev.cdc.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.cdc.core.config.HeartbeatConfig;
import dev.cdc.core.testing.MutableClock;

class HeartbeatTest {
    private static final Map<String, String> PARTITION = Map.of("server", "inventory");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Heartbeat heartbeat = new Heartbeat(new HeartbeatConfig(Duration.ofSeconds(10), "__debezium-heartbeat"),
            "inventory", PARTITION, clock);

    @Test
    void noHeartbeatBeforeTheIntervalPassed() {
        clock.advance(Duration.ofMillis(9_999));

        assertThat(heartbeat.recordIfDue(() -> Map.of("pos", 1L))).isEmpty();
    }

    @Test
    void afterAnIdleIntervalAHeartbeatCarriesTheCurrentOffsetToTheHeartbeatTopic() {
        clock.advance(Duration.ofSeconds(10));

        SourceRecord record = heartbeat.recordIfDue(() -> Map.of("file", "mysql-bin.000004", "pos", 900L)).orElseThrow();

        assertThat(record.topic()).isEqualTo("__debezium-heartbeat.inventory");
        assertThat(record.sourcePartition()).isEqualTo(PARTITION);
        assertThat(record.sourceOffset()).isEqualTo(Map.of("file", "mysql-bin.000004", "pos", 900L));
        assertThat(record.keySchema().name()).isEqualTo("io.debezium.connector.common.ServerNameKey");
        assertThat(((Struct) record.key()).getString("serverName")).isEqualTo("inventory");
        assertThat(record.valueSchema().name()).isEqualTo("io.debezium.connector.common.Heartbeat");
        assertThat(((Struct) record.value()).getInt64("ts_ms")).isEqualTo(clock.millis());
    }

    @Test
    void aCapturedChangePostponesTheHeartbeat() {
        clock.advance(Duration.ofSeconds(8));
        heartbeat.changeEmitted();
        clock.advance(Duration.ofSeconds(8));

        assertThat(heartbeat.recordIfDue(() -> Map.of())).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(heartbeat.recordIfDue(() -> Map.of())).isPresent();
    }

    @Test
    void oneHeartbeatPerIntervalAndTheOffsetIsOnlyAskedWhenDue() {
        AtomicInteger asked = new AtomicInteger();
        clock.advance(Duration.ofSeconds(10));

        Optional<SourceRecord> first = heartbeat.recordIfDue(() -> offset(asked));
        Optional<SourceRecord> second = heartbeat.recordIfDue(() -> offset(asked));
        clock.advance(Duration.ofSeconds(10));
        Optional<SourceRecord> third = heartbeat.recordIfDue(() -> offset(asked));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(third).isPresent();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aZeroIntervalTurnsHeartbeatsOff() {
        Heartbeat off = new Heartbeat(HeartbeatConfig.defaults(), "inventory", PARTITION, clock);
        clock.advance(Duration.ofDays(1));

        assertThat(off.enabled()).isFalse();
        assertThat(off.recordIfDue(() -> Map.of())).isEmpty();
    }

    private static Map<String, Object> offset(AtomicInteger asked) {
        asked.incrementAndGet();
        return Map.of("pos", 1L);
    }
}
