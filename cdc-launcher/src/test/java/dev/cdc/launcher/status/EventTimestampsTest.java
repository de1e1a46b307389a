package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventTimestampsTest {
    private final EventTimestamps timestamps = new EventTimestamps();

    @Test
    void readsSourceAndEventTimeOfAnEnvelopeWrittenByTheJsonConverter() {
        byte[] value = new ChangeEvents("t.shop.things").insert(7, 1_700_000_000_000L, 1_700_000_000_250L);

        TopicView.EventTimes times = timestamps.read("t.shop.things", 41, value);

        assertThat(times).isEqualTo(TopicView.EventTimes.of(41, 1_700_000_000_000L, 1_700_000_000_250L));
    }

    @Test
    void readsSchemalessJsonAndFlatRows() {
        assertThat(timestamps.read("t", 1, bytes("{\"op\":\"c\",\"source\":{\"ts_ms\":123},\"ts_ms\":456}")))
                .isEqualTo(TopicView.EventTimes.of(1, 123, 456L));
        assertThat(timestamps.read("t", 2, bytes("{\"id\":1,\"__source_ts_ms\":789}")))
                .isEqualTo(TopicView.EventTimes.of(2, 789, null));
    }

    @Test
    void aValueWithoutTimeIsUnknownWithTheReason() {
        assertThat(timestamps.read("t", 3, null).problem()).isEqualTo("tombstone");
        assertThat(timestamps.read("t", 4, new byte[] {0, 0, 0, 0, 1, 2}).problem()).isEqualTo("value is not JSON");
        assertThat(timestamps.read("t", 5, bytes("{\"schema\":{\"type\":\"int64\"},\"payload\":42}")).problem())
                .isEqualTo("value is not a change event");
        assertThat(timestamps.read("t", 6, bytes("{\"id\":1}")).problem()).isEqualTo("value has no source.ts_ms");
        assertThat(timestamps.read("t", 6, bytes("{\"id\":1}")).known()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
