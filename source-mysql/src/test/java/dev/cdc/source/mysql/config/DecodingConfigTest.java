package dev.cdc.source.mysql.config;

import static dev.cdc.source.mysql.config.ConfigFixtures.minimal;
import static dev.cdc.source.mysql.config.ConfigFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodingConfigTest {
    @Test
    void defaults() {
        DecodingConfig config = MySqlConnectorConfig.parse(minimal()).decoding();

        assertThat(config.failureMode()).isEqualTo(DecodingFailureMode.FAIL);
        assertThat(config.bigintUnsignedMode()).isEqualTo(BigintUnsignedMode.LONG);
    }

    @Test
    void everyKey() {
        Map<String, String> properties = minimal();
        properties.put("event.deserialization.failure.handling.mode", "skip");
        properties.put("bigint.unsigned.handling.mode", "precise");

        DecodingConfig config = MySqlConnectorConfig.parse(properties).decoding();

        assertThat(config.failureMode()).isEqualTo(DecodingFailureMode.SKIP);
        assertThat(config.bigintUnsignedMode()).isEqualTo(BigintUnsignedMode.PRECISE);
    }

    @Test
    void unknownFailureMode() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("event.deserialization.failure.handling.mode", "ignore")))
                .hasMessage("Invalid value ignore for configuration event.deserialization.failure.handling.mode:"
                        + " 'ignore' is not a failure handling mode; allowed: fail, warn, skip");
    }

    @Test
    void unknownBigintMode() {
        assertThatThrownBy(() -> MySqlConnectorConfig.parse(with("bigint.unsigned.handling.mode", "string")))
                .hasMessage("Invalid value string for configuration bigint.unsigned.handling.mode:"
                        + " 'string' is not a BIGINT UNSIGNED handling mode; allowed: long, precise");
    }
}
