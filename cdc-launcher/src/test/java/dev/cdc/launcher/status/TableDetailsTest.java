package dev.cdc.launcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdc.launcher.status.SourceTable.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TableDetailsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String ORDERS = "quickstart.inventory.orders";
    private static final String CUSTOMERS = "quickstart.inventory.customers";
    private static final String ES = SinkTargets.ELASTICSEARCH;

    private final FakeTopicView kafka = new FakeTopicView();
    private final TableDetails details = new TableDetails(kafka, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    private final SourceOffsets noOffsets = new SourceOffsets(Optional.empty(), Set.of());

    @Test
    void secondsBehindIsNowLessTheNewestSourceTimeOverAllPartitions() throws Exception {
        kafka.partition(ORDERS, 0, 100, NOW - 90_000, NOW - 30_000)
                .partition(ORDERS, 1, 0, NOW - 50_000, NOW - 12_500, null);

        SourceTable orders = single(details.source("quickstart", noOffsets, kafka.topicNames()));

        assertThat(orders.table()).isEqualTo("inventory.orders");
        assertThat(orders.phase()).isEqualTo(Phase.STREAMING);
        assertThat(orders.eventsInTopic()).isEqualTo(5);
        assertThat(orders.lastChangeMillis()).as("the tombstone at the end has no time; the record before it counts")
                .isEqualTo(NOW - 12_500);
        assertThat(orders.millisBehindSource()).isEqualTo(12_500);
    }

    @Test
    void onlyThePartitionsLastRecordsAreRead() throws Exception {
        kafka.partition(ORDERS, 0, 1_000, NOW - 9, NOW - 8, NOW - 7, NOW - 6, NOW - 5, NOW - 4, NOW - 3);

        details.source("quickstart", noOffsets, kafka.topicNames());

        assertThat(kafka.reads).containsExactly(Map.of(new TopicPartition(ORDERS, 0),
                new TopicView.OffsetRange(1_007 - TableDetails.RECORDS_READ, 1_007)));
    }

    @Test
    void aSourceClockAheadOfOursIsNotANegativeLag() throws Exception {
        kafka.partition(ORDERS, 0, 0, NOW + 2_000);

        assertThat(single(details.source("quickstart", noOffsets, kafka.topicNames())).millisBehindSource()).isZero();
    }

    @Test
    void snapshotProgressComesFromTheOffsetsAndOtherTablesStream() throws Exception {
        kafka.partition(ORDERS, 0, 0, NOW - 1_000).partition(CUSTOMERS, 0, 0, NOW - 4_000)
                .topic("quickstart.schema-changes").topic("quickstart.dlq").topic("other.inventory.orders");
        SourceOffsets offsets = new SourceOffsets(Optional.of(new SourceOffsets.Snapshot(List.of("inventory.orders", "inventory.products"), 45_000, 43)),
                Set.of("inventory.customers"));

        List<SourceTable> tables = details.source("quickstart", offsets, kafka.topicNames());

        assertThat(tables).extracting(SourceTable::table, SourceTable::phase, SourceTable::snapshotRowsDone).containsExactly(
                org.assertj.core.groups.Tuple.tuple("inventory.customers", Phase.STREAMING, null),
                org.assertj.core.groups.Tuple.tuple("inventory.orders", Phase.SNAPSHOT_RUNNING, 45_000L),
                org.assertj.core.groups.Tuple.tuple("inventory.products", Phase.SNAPSHOT_PENDING, null));
        assertThat(tables.get(0).millisBehindSource()).isEqualTo(4_000);
        assertThat(tables.get(2).note()).isEqualTo("no topic yet");
    }

    @Test
    void aTableWhoseRecordsCarryNoTimeSaysWhy() throws Exception {
        kafka.partition(ORDERS, 0, 0, (Long) null).partition(CUSTOMERS, 0, 7);

        List<SourceTable> tables = details.source("quickstart", noOffsets, kafka.topicNames());

        assertThat(tables.get(0).note()).isEqualTo("no events yet");
        assertThat(tables.get(1).millisBehindSource()).isNull();
        assertThat(tables.get(1).note()).isEqualTo("time unknown: tombstone");
    }

    @Test
    void withoutKafkaTheOffsetsStillGiveTheSnapshot() {
        SourceOffsets offsets = new SourceOffsets(Optional.of(new SourceOffsets.Snapshot(List.of("inventory.orders"), 7, 0)),
                Set.of("inventory.customers"));

        List<SourceTable> tables = TableDetails.sourceWithoutKafka("quickstart", offsets, "lag unknown without Kafka");

        assertThat(tables).extracting(SourceTable::phase).containsExactly(Phase.STREAMING, Phase.SNAPSHOT_RUNNING);
        assertThat(tables.get(0).note()).isEqualTo("lag unknown without Kafka");
        assertThat(tables.get(1).snapshotRowsDone()).isEqualTo(7);
    }

    @Test
    void eventsBehindAreEndLessCommittedAndFromTheStartWhereNothingWasCommitted() throws Exception {
        kafka.partition(ORDERS, 0, 10, NOW - 60_000, NOW - 50_000, NOW - 40_000, NOW - 30_000)
                .partition(ORDERS, 1, 20, NOW - 70_000, NOW - 20_000)
                .committed("connect-es", ORDERS, 0, 12);

        SinkTopic orders = single(details.sink("es", ES, Map.of("topics", ORDERS), kafka.topicNames()));

        assertThat(orders.eventsBehind()).isEqualTo(2 + 2);
        assertThat(orders.millisBehindSource()).as("the oldest record not yet committed, over both partitions").isEqualTo(70_000);
        assertThat(orders.target()).isEqualTo("index inventory.orders");
    }

    @Test
    void aCaughtUpSinkIsZeroBehindWithoutReadingRecords() throws Exception {
        kafka.partition(ORDERS, 0, 0, NOW - 60_000, NOW - 50_000).committed("connect-es", ORDERS, 0, 2);

        SinkTopic orders = single(details.sink("es", ES, Map.of("topics", ORDERS), kafka.topicNames()));

        assertThat(orders.eventsBehind()).isZero();
        assertThat(orders.millisBehindSource()).isZero();
        assertThat(kafka.reads).containsExactly(Map.of());
    }

    @Test
    void aCommittedOffsetBeforeTheLogStartCountsFromTheStart() throws Exception {
        kafka.partition(ORDERS, 0, 100, NOW - 3_000).committed("connect-es", ORDERS, 0, 5);

        assertThat(single(details.sink("es", ES, Map.of("topics", ORDERS), kafka.topicNames())).eventsBehind()).isEqualTo(1);
    }

    @Test
    void theTopicsRegexSelectsTopicsAndAGroupOverrideIsHonoured() throws Exception {
        kafka.partition(ORDERS, 0, 0, NOW - 1).partition(CUSTOMERS, 0, 0, NOW - 1).partition("quickstart.dlq", 0, 0, NOW)
                .committed("my-group", CUSTOMERS, 0, 1);

        List<SinkTopic> topics = details.sink("es", ES, Map.of("topics.regex", "quickstart\\.inventory\\..*",
                "consumer.override.group.id", "my-group"), kafka.topicNames());

        assertThat(topics).extracting(SinkTopic::topic, SinkTopic::eventsBehind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CUSTOMERS, 0L), org.assertj.core.groups.Tuple.tuple(ORDERS, 1L));
    }

    @Test
    void aListedTopicThatDoesNotExistSaysSo() throws Exception {
        SinkTopic missing = single(details.sink("es", ES, Map.of("topics", "nope"), kafka.topicNames()));

        assertThat(missing.eventsBehind()).isNull();
        assertThat(missing.note()).isEqualTo("topic does not exist");
    }

    @Test
    void deadLettersAreTheRecordsOfAllPartitionsAndZeroWithoutTopic() throws Exception {
        kafka.partition("quickstart.dlq", 0, 3, NOW, NOW).partition("quickstart.dlq", 1, 0, NOW);

        assertThat(details.records("quickstart.dlq")).isEqualTo(3);
        assertThat(details.records("absent.dlq")).isZero();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
