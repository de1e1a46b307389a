package dev.cdc.source.mysql;

import dev.cdc.core.Version;
import dev.cdc.source.mysql.config.MySqlConnectorConfig;
import dev.cdc.source.mysql.snapshot.SnapshotHooks;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The task of {@link MySqlSourceConnector}: reads the binlog on {@code <connector>-binlog-reader}
 * and snapshots on {@code <connector>-snapshot}; {@link #poll()} hands over what they enqueued.
 * The wiring is {@link TaskRuntime}'s.
 */
public class MySqlSourceTask extends SourceTask {
    private final SnapshotHooks hooks;
    private final Clock clock;
    private TaskRuntime runtime;

    public MySqlSourceTask() {
        this(SnapshotHooks.NONE, Clock.systemUTC());
    }

    /** For tests: hooks run at each chunk's watermarks. */
    MySqlSourceTask(SnapshotHooks hooks, Clock clock) {
        this.hooks = java.util.Objects.requireNonNull(hooks, "hooks is null");
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        MySqlConnectorConfig config = MySqlConnectorConfig.parse(props);
        String name = props.getOrDefault("name", config.common().topicPrefix());
        OffsetStorageReader offsets = context.offsetStorageReader();
        try {
            runtime = TaskRuntime.start(config, name, partitions -> storedOffsets(offsets, partitions), hooks, clock);
        } catch (SQLException e) {
            throw new ConnectException("cannot start reading " + config.connection().address() + " as " + config.connection().server().user()
                    + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static Map<Map<String, String>, Map<String, Object>> storedOffsets(OffsetStorageReader reader,
            Collection<Map<String, String>> partitions) {
        return reader.offsets(partitions);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return runtime.poll();
    }

    @Override
    public void stop() {
        TaskRuntime current = runtime;
        if (current != null) {
            current.close();
        }
    }
}
