package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdc.core.config.SnapshotConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotConfigTest {
    @Test
    void defaults() {
        SnapshotConfig<SnapshotMode> config = MySqlConnectorConfig.parse(minimal()).snapshot();

        assertThat(config.mode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.chunkSize()).isEqualTo(1024);
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("snapshot.mode", "when_needed");
        properties.put("incremental.snapshot.chunk.size", "5000");

        SnapshotConfig<SnapshotMode> config = MySqlConnectorConfig.parse(properties).snapshot();

        assertThat(config.mode()).isEqualTo(SnapshotMode.WHEN_NEEDED);
        assertThat(config.chunkSize()).isEqualTo(5000);
    }

    @ParameterizedTest
    @CsvSource({"initial,INITIAL", "never,NEVER", "when_needed,WHEN_NEEDED", " Initial ,INITIAL", "NEVER,NEVER"})
    void modesIgnoreCaseAndBlanks(String value, SnapshotMode expected) {
        assertThat(MySqlConnectorConfig.parse(with("snapshot.mode", value)).snapshot().mode()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema_only", "always", "no_data", "initial_only", "recovery", "custom", ""})
    void otherModesAreRefusedWithTheAllowedOnes(String mode) {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("snapshot.mode", mode)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("snapshot.mode")
                .hasMessageContaining("'" + mode + "' is not a snapshot mode; allowed: initial, never, when_needed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1000001"})
    void chunkSizeOutOfRange(String size) {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("incremental.snapshot.chunk.size", size)))
                .hasMessage("Invalid value " + size + " for configuration incremental.snapshot.chunk.size: must be from 1 to 1000000");
    }
}
