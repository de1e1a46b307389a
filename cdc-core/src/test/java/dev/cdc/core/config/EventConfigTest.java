package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class EventConfigTest {
    private static EventConfig parse(Map<String, ?> properties) {
        return EventConfig.from(new AbstractConfig(EventConfig.define(new ConfigDef()), properties, false));
    }

    @Test
    void tombstonesFollowDeletesByDefault() {
        assertThat(parse(Map.of()).tombstonesOnDelete()).isTrue();
        assertThat(parse(Map.of())).hasToString("tombstones on");
    }

    @Test
    void everyKey() {
        assertThat(parse(Map.of("tombstones.on.delete", "false")).tombstonesOnDelete()).isFalse();
        assertThat(EventConfig.define(new ConfigDef()).names()).containsExactly("tombstones.on.delete");
    }

    @Test
    void notABoolean() {
        assertThatThrownBy(() -> parse(Map.of("tombstones.on.delete", "sometimes"))).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value sometimes for configuration tombstones.on.delete: Expected value to be either true or false");
    }
}
