package dev.cdc.core.snapshot;

import java.util.Map;

/**
 * Snapshot metrics of one connector, as JMX attributes named like Debezium's snapshot metrics
 * ({@code TotalTableCount}, {@code RemainingTableCount}, {@code RowsScanned}, {@code SnapshotRunning},
 * {@code SnapshotCompleted}, {@code SnapshotAborted}, {@code SnapshotDurationInSeconds}) plus ours,
 * {@code RowsPerSecond} and {@code EtaSeconds} (-1 when unknown).
 */
public interface SnapshotMetricsMXBean {
    int getTotalTableCount();

    int getRemainingTableCount();

    /** Rows emitted per table. */
    Map<String, Long> getRowsScanned();

    boolean getSnapshotRunning();

    boolean getSnapshotCompleted();

    boolean getSnapshotAborted();

    long getSnapshotDurationInSeconds();

    long getRowsPerSecond();

    long getEtaSeconds();
}
