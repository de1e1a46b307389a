package dev.cdc.core.snapshot;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JMX view of a {@link SnapshotProgress}, registered as
 * {@code dev.cdc:type=connector-metrics,context=snapshot,server=<topic.prefix>}. A registration left
 * behind by an earlier task of the same connector is replaced. {@link #close()} unregisters.
 */
public final class SnapshotMetrics implements SnapshotMetricsMXBean, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotMetrics.class);

    private final SnapshotProgress progress;
    private final MBeanServer server;
    private final ObjectName name;

    private SnapshotMetrics(SnapshotProgress progress, MBeanServer server, ObjectName name) {
        this.progress = progress;
        this.server = server;
        this.name = name;
    }

    /** Registers the metrics of a connector in the platform MBean server. */
    public static SnapshotMetrics register(String topicPrefix, SnapshotProgress progress) {
        return register(ManagementFactory.getPlatformMBeanServer(), topicPrefix, progress);
    }

    /**
     * Registers the metrics of a connector in {@code server}.
     *
     * @throws IllegalStateException when JMX refuses the registration
     */
    public static SnapshotMetrics register(MBeanServer server, String topicPrefix, SnapshotProgress progress) {
        requireNonNull(server, "server is null");
        requireNonNull(progress, "progress is null");
        ObjectName name = objectName(topicPrefix);
        SnapshotMetrics metrics = new SnapshotMetrics(progress, server, name);
        try {
            if (server.isRegistered(name)) {
                LOG.warn("Replacing the snapshot metrics MBean {} left by an earlier task", name);
                server.unregisterMBean(name);
            }
            server.registerMBean(metrics, name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the snapshot metrics MBean " + name + ": " + e.getMessage(), e);
        }
        return metrics;
    }

    /** {@code dev.cdc:type=connector-metrics,context=snapshot,server=<topicPrefix>}, quoted when needed. */
    public static ObjectName objectName(String topicPrefix) {
        requireNonNull(topicPrefix, "topicPrefix is null");
        boolean needsQuoting = topicPrefix.chars().anyMatch(c -> ",=:\"*?\n".indexOf(c) >= 0);
        String server = needsQuoting ? ObjectName.quote(topicPrefix) : topicPrefix;
        try {
            return new ObjectName("dev.cdc:type=connector-metrics,context=snapshot,server=" + server);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("topic prefix '" + topicPrefix + "' cannot name a JMX MBean: " + e.getMessage(), e);
        }
    }

    public ObjectName name() {
        return name;
    }

    @Override
    public void close() {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.debug("Snapshot metrics MBean {} was already unregistered", name);
        } catch (JMException e) {
            LOG.warn("Cannot unregister the snapshot metrics MBean {}", name, e);
        }
    }

    @Override
    public int getTotalTableCount() {
        return progress.totalTableCount();
    }

    @Override
    public int getRemainingTableCount() {
        return progress.remainingTableCount();
    }

    @Override
    public Map<String, Long> getRowsScanned() {
        return progress.rowsScanned();
    }

    @Override
    public boolean getSnapshotRunning() {
        return progress.running();
    }

    @Override
    public boolean getSnapshotCompleted() {
        return progress.completed();
    }

    @Override
    public boolean getSnapshotAborted() {
        return progress.aborted();
    }

    @Override
    public long getSnapshotDurationInSeconds() {
        return progress.durationSeconds();
    }

    @Override
    public long getRowsPerSecond() {
        return Math.round(progress.rowsPerSecond());
    }

    @Override
    public long getEtaSeconds() {
        return progress.etaSeconds().orElse(-1);
    }
}
