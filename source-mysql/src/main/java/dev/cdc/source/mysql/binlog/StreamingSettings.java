package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.config.DecodingFailureMode;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.server.ServerFlavor;

/** What the binlog event handler needs to know from the configuration and the server. */
public record StreamingSettings(String topicPrefix, CaptureFilter filter, boolean tombstonesOnDelete, BigintUnsignedMode bigintUnsignedMode,
        DecodingFailureMode failureMode, ServerFlavor flavor) {
    public StreamingSettings {
        requireNonNull(topicPrefix, "topicPrefix is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(bigintUnsignedMode, "bigintUnsignedMode is null");
        requireNonNull(failureMode, "failureMode is null");
        requireNonNull(flavor, "flavor is null");
    }

    public static StreamingSettings of(MySqlConnectorConfig config, ServerFlavor flavor) {
        return new StreamingSettings(config.common().topicPrefix(), config.filters().filter(), config.events().tombstonesOnDelete(),
                config.decoding().bigintUnsignedMode(), config.decoding().failureMode(), flavor);
    }
}
