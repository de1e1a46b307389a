package dev.cdc.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.Test;

import dev.cdc.core.testing.MutableClock;

class SnapshotMetricsTest {
    /** A private server (not kept by the factory), so tests do not see each other's MBeans. */
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SnapshotProgress progress = new SnapshotProgress(clock, Duration.ofSeconds(10));

    @Test
    void attributesAreReadableOverJmxUnderTheConnectorsName() throws Exception {
        Map<String, Long> estimates = new LinkedHashMap<>();
        estimates.put("shop.orders", 100_000L);
        estimates.put("shop.lines", 10_000L);
        progress.snapshotStarted(estimates);
        progress.tableStarted("shop.orders");
        clock.advance(Duration.ofSeconds(10));
        progress.rowsScanned("shop.orders", 50_000);

        try (SnapshotMetrics metrics = SnapshotMetrics.register(server, "inventory", progress)) {
            ObjectName name = new ObjectName("dev.cdc:type=connector-metrics,context=snapshot,server=inventory");
            assertThat(metrics.name()).isEqualTo(name);
            assertThat(server.getAttribute(name, "TotalTableCount")).isEqualTo(2);
            assertThat(server.getAttribute(name, "RemainingTableCount")).isEqualTo(2);
            assertThat(server.getAttribute(name, "SnapshotRunning")).isEqualTo(true);
            assertThat(server.getAttribute(name, "SnapshotCompleted")).isEqualTo(false);
            assertThat(server.getAttribute(name, "RowsPerSecond")).isEqualTo(5_000L);
            assertThat(server.getAttribute(name, "EtaSeconds")).isEqualTo(12L); // 60,000 rows left at 5,000/s
            assertThat(server.getAttribute(name, "SnapshotDurationInSeconds")).isEqualTo(10L);
            TabularData rows = (TabularData) server.getAttribute(name, "RowsScanned");
            assertThat(rows.get(new Object[] {"shop.orders"}).get("value")).isEqualTo(50_000L);
        }
        assertThat(server.queryNames(new ObjectName("dev.cdc:*"), null)).isEmpty();
    }

    @Test
    void anUnknownEtaIsMinusOne() {
        progress.snapshotStarted(Map.of("t", 0L));

        try (SnapshotMetrics metrics = SnapshotMetrics.register(server, "inventory", progress)) {
            assertThat(metrics.getEtaSeconds()).isEqualTo(-1);
        }
    }

    @Test
    void aRegistrationLeftByAnEarlierTaskIsReplaced() throws Exception {
        SnapshotMetrics.register(server, "inventory", new SnapshotProgress(clock));

        try (SnapshotMetrics metrics = SnapshotMetrics.register(server, "inventory", progress)) {
            progress.snapshotStarted(Map.of("t", 1L));
            assertThat(server.getAttribute(metrics.name(), "TotalTableCount")).isEqualTo(1);
        }
    }

    @Test
    void prefixesWithJmxSpecialCharactersAreQuoted() {
        assertThat(SnapshotMetrics.objectName("shop-1.eu").toString())
                .isEqualTo("dev.cdc:type=connector-metrics,context=snapshot,server=shop-1.eu");
        assertThat(SnapshotMetrics.objectName("a,b").getKeyProperty("server")).isEqualTo("\"a,b\"");
    }
}
