package dev.cdc.source.mysql.config;

import dev.cdc.core.config.Validators;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** How binlog rows become Connect values, and what happens when one cannot be decoded. */
public final class DecodingConfig {
    public static final String FAILURE_HANDLING_MODE = "event.deserialization.failure.handling.mode";
    public static final String BIGINT_UNSIGNED_HANDLING_MODE = "bigint.unsigned.handling.mode";

    public static final DecodingFailureMode DEFAULT_FAILURE_HANDLING_MODE = DecodingFailureMode.FAIL;
    public static final BigintUnsignedMode DEFAULT_BIGINT_UNSIGNED_HANDLING_MODE = BigintUnsignedMode.LONG;

    private static final String GROUP = "Decoding";

    private final DecodingFailureMode failureMode;
    private final BigintUnsignedMode bigintUnsignedMode;

    DecodingConfig(AbstractConfig config) {
        this.failureMode = DecodingFailureMode.parse(config.getString(FAILURE_HANDLING_MODE));
        this.bigintUnsignedMode = BigintUnsignedMode.parse(config.getString(BIGINT_UNSIGNED_HANDLING_MODE));
    }

    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(FAILURE_HANDLING_MODE, Type.STRING, DEFAULT_FAILURE_HANDLING_MODE.configValue(),
                        Validators.oneOf(DecodingFailureMode.class, DecodingFailureMode::parse), Importance.MEDIUM,
                        "What to do with a binlog event that cannot be decoded: fail (stop the task, naming the table, position"
                                + " and reason), warn (log that and go on) or skip (go on, logging at DEBUG). Nothing is dropped"
                                + " without one of these.", GROUP, ++order, Width.SHORT, "Undecodable events")
                .define(BIGINT_UNSIGNED_HANDLING_MODE, Type.STRING, DEFAULT_BIGINT_UNSIGNED_HANDLING_MODE.configValue(),
                        Validators.oneOf(BigintUnsignedMode.class, BigintUnsignedMode::parse), Importance.LOW,
                        "BIGINT UNSIGNED as long (INT64, values above 2^63-1 wrap) or precise (Decimal).",
                        GROUP, ++order, Width.SHORT, "BIGINT UNSIGNED");
    }

    public DecodingFailureMode failureMode() {
        return failureMode;
    }

    public BigintUnsignedMode bigintUnsignedMode() {
        return bigintUnsignedMode;
    }

    @Override
    public String toString() {
        return "undecodable events: " + failureMode.configValue() + ", BIGINT UNSIGNED: " + bigintUnsignedMode.configValue();
    }
}
