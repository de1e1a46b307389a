package dev.cdc.launcher.status;

import static java.util.Objects.requireNonNull;

/**
 * One captured table of a source connector, as {@code bin/cdc status} shows it.
 *
 * @param table                 {@code <db>.<table>} (Postgres {@code <schema>.<table>})
 * @param topic                 where its change events go, {@code <topic.prefix>.<table>}
 * @param phase                 what the connector does with the table now
 * @param snapshotRowsDone      while its snapshot runs: rows emitted as of the last committed offset; else null
 * @param eventsInTopic         records the topic holds; null when Kafka was not asked
 * @param lastChangeMillis      {@code source.ts_ms} of the newest record in the topic: when the database made
 *                              that change; null when unknown (see {@code note})
 * @param millisBehindSource    now less {@code lastChangeMillis}, at least 0: how far the table's events are
 *                              behind the database at most (on an idle table, the age of its last change)
 * @param note                  why a value is unknown, or null
 */
public record SourceTable(String table, String topic, Phase phase, Long snapshotRowsDone, Long eventsInTopic,
                          Long lastChangeMillis, Long millisBehindSource, String note) {
    public SourceTable {
        requireNonNull(table, "table is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(phase, "phase is null");
    }

    /** What the source connector does with a table. */
    public enum Phase {
        /** Its snapshot runs now. */
        SNAPSHOT_RUNNING,
        /** Its snapshot comes after the running one. */
        SNAPSHOT_PENDING,
        /** Its changes stream (its snapshot, if any, completed). */
        STREAMING
    }
}
