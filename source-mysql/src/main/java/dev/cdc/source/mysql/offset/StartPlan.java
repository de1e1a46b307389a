package dev.cdc.source.mysql.offset;

import dev.cdc.source.mysql.config.OnDemandSnapshotConfig;
import static java.util.Objects.requireNonNull;

import dev.cdc.core.snapshot.SnapshotState;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.config.SnapshotMode;
import dev.cdc.source.mysql.server.GtidFlavor;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the task starts: the stream offset to read the binlog from and the snapshot to run (new,
 * resumed, or none), decided from the stored offset, {@code snapshot.mode} and the server.
 *
 * <ol>
 *   <li>A stored offset whose binlog file the server still has: stream from it; resume the
 *   snapshot its keys describe, if any.</li>
 *   <li>A stored offset whose file was purged: with {@code when_needed}, start over with a new
 *   snapshot; otherwise fail, naming the position and the recovery.</li>
 *   <li>No stored offset: record the binlog end (Snapshot step 1) and stream from there; snapshot the
 *   captured tables unless {@code never}.</li>
 * </ol>
 */
public record StartPlan(StreamOffset stream, Optional<SnapshotState> snapshot, Optional<String> onDemandId, String reason) {
    private static final Logger LOG = LoggerFactory.getLogger(StartPlan.class);

    public StartPlan {
        requireNonNull(stream, "stream is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(onDemandId, "onDemandId is null");
        requireNonNull(reason, "reason is null");
    }

    public StartPlan(StreamOffset stream, Optional<SnapshotState> snapshot, String reason) {
        this(stream, snapshot, Optional.empty(), reason);
    }

    public static StartPlan decide(SnapshotMode mode, Map<String, Object> stored, ServerPositions positions, GtidFlavor flavor,
            List<TableId> capturedTables) throws SQLException {
        return decide(mode, stored, positions, flavor, capturedTables, Optional.empty());
    }

    /**
     * As above; with a stored offset and no snapshot in progress, an on-demand request whose id the
     * offset has not recorded starts a snapshot of its tables, streaming on from the stored offset.
     */
    public static StartPlan decide(SnapshotMode mode, Map<String, Object> stored, ServerPositions positions, GtidFlavor flavor,
            List<TableId> capturedTables, Optional<OnDemandSnapshotConfig.Request> onDemand) throws SQLException {
        Optional<StreamOffset> offset = StreamOffset.fromMap(stored);
        if (offset.isPresent()) {
            List<String> files = positions.files();
            if (files.contains(offset.get().file())) {
                Optional<SnapshotState> snapshot = SnapshotState.fromOffset(stored);
                Optional<String> seenId = Optional.ofNullable(stored.get(OffsetContext.ONDEMAND_ID)).map(String::valueOf);
                if (snapshot.isEmpty() && onDemand.isPresent() && !seenId.equals(Optional.of(onDemand.get().id()))) {
                    List<String> tables = onDemandTables(onDemand.get(), capturedTables);
                    return new StartPlan(offset.get(), Optional.of(SnapshotState.start(tables)), Optional.of(onDemand.get().id()),
                            "stored offset " + offset.get() + "; on-demand snapshot " + onDemand.get().id() + " of " + tables
                                    + " while streaming");
                }
                return new StartPlan(offset.get(), snapshot, seenId, "stored offset " + offset.get()
                        + snapshot.map(state -> ", snapshot in progress: " + state).orElse(""));
            }
            String purged = "the stored binlog position " + offset.get() + " is no longer on the server, whose binlog files are " + files;
            if (mode != SnapshotMode.WHEN_NEEDED) {
                throw new ConnectException(purged + ". Events after it are lost to this connector. Recover with snapshot.mode=when_needed"
                        + " (a new snapshot), or delete the connector's offsets; keep binlogs longer (binlog_expire_logs_seconds) to avoid this");
            }
            LOG.warn("{}; snapshot.mode=when_needed: taking a new snapshot", purged);
        }
        BinlogPosition end = positions.end();
        StreamOffset start = StreamOffset.at(end, positions.gtidsAt(flavor, end));
        if (mode == SnapshotMode.NEVER || capturedTables.isEmpty()) {
            return new StartPlan(start, Optional.empty(), "no stored offset, snapshot." + (mode == SnapshotMode.NEVER ? "mode=never" : " of no table")
                    + ": streaming from the binlog end " + start);
        }
        SnapshotState snapshot = SnapshotState.start(capturedTables.stream().map(TableId::toString).toList());
        // a fresh snapshot covers every table, so an on-demand id given now counts as taken up
        return new StartPlan(start, Optional.of(snapshot), onDemand.map(OnDemandSnapshotConfig.Request::id),
                "no stored offset: snapshot of " + capturedTables.size() + " tables, streaming from " + start);
    }

    /** The requested tables as the snapshot names them; each must be captured. */
    private static List<String> onDemandTables(OnDemandSnapshotConfig.Request request, List<TableId> capturedTables) {
        List<String> tables = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String name : request.tables()) {
            capturedTables.stream().filter(table -> table.displayName().equals(name)).findFirst()
                    .ifPresentOrElse(table -> tables.add(table.toString()), () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw new ConnectException(OnDemandSnapshotConfig.TABLES + " names " + unknown + ", which this connector does not capture;"
                    + " captured tables are " + capturedTables.stream().map(TableId::displayName).toList() + ". Fix the list and change "
                    + OnDemandSnapshotConfig.ID + " again");
        }
        return tables;
    }
}
