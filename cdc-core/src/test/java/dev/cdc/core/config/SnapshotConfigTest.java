package dev.cdc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotConfigTest {
    enum Mode {
        INITIAL, WHEN_NEEDED, NEVER;

        static Mode parse(String value) {
            return ConfigEnums.parse(Mode.class, value, "snapshot mode", "ask for more");
        }
    }

    private static final SnapshotConfig.Definition<Mode> DEFINITION =
            new SnapshotConfig.Definition<>(Mode.class, Mode::parse, Mode.WHEN_NEEDED, "What each mode does.", MessageWording.CONNECT);

    private static SnapshotConfig<Mode> parse(Map<String, ?> properties) {
        return DEFINITION.from(new AbstractConfig(DEFINITION.define(new ConfigDef()), properties, false));
    }

    @Test
    void defaults() {
        SnapshotConfig<Mode> config = parse(Map.of());

        assertThat(config.mode()).isEqualTo(Mode.WHEN_NEEDED);
        assertThat(config.chunkSize()).isEqualTo(1024);
        assertThat(config).hasToString("snapshot when_needed in chunks of 1024");
    }

    @Test
    void everyKey() {
        SnapshotConfig<Mode> config = parse(Map.of("snapshot.mode", " Never ", "incremental.snapshot.chunk.size", "5000"));

        assertThat(config.mode()).isEqualTo(Mode.NEVER);
        assertThat(config.chunkSize()).isEqualTo(5000);
    }

    @Test
    void declaresTheTwoKeysWithTheSourcesDocumentationAndAllowedModes() {
        ConfigDef definition = DEFINITION.define(new ConfigDef());

        assertThat(definition.names()).containsExactlyInAnyOrder("snapshot.mode", "incremental.snapshot.chunk.size");
        assertThat(definition.configKeys().get("snapshot.mode").documentation).isEqualTo("What each mode does.");
        assertThat(definition.configKeys().get("snapshot.mode").defaultValue).isEqualTo("when_needed");
        assertThat(definition.configKeys().get("snapshot.mode").validator).hasToString("one of initial, when_needed, never");
    }

    @Test
    void anUnknownModeNamesTheAllowedOnesAndTheHint() {
        assertThatThrownBy(() -> parse(Map.of("snapshot.mode", "always"))).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value always for configuration snapshot.mode: 'always' is not a snapshot mode;"
                        + " allowed: initial, when_needed, never. ask for more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1000001"})
    void chunkSizeOutOfRange(String size) {
        assertThatThrownBy(() -> parse(Map.of("incremental.snapshot.chunk.size", size))).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value " + size + " for configuration incremental.snapshot.chunk.size: must be from 1 to 1000000");
    }

    @Test
    void theConstructorKeepsTheSameRules() {
        assertThatThrownBy(() -> new SnapshotConfig<>(Mode.INITIAL, 0))
                .hasMessage("Invalid value 0 for configuration incremental.snapshot.chunk.size: must be from 1 to 1000000");
    }
}
