package dev.cdc.source.mysql.stream;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.TopicNames;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.binlog.BinlogRowConverter;
import dev.cdc.source.mysql.config.BigintUnsignedMode;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * One version of one captured table bound to its topic: the row converter (helper-4's
 * {@link BinlogRowConverter}) and the record factory of cdc-core. Built once per table version
 * (per distinct table map, per snapshot table); immutable.
 */
public final class TableBinding {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableBinding.class);

    private final MySqlTable table;
    private final BinlogRowConverter converter;
    private final ChangeRecordFactory records;

    TableBinding(MySqlTable table, BinlogRowConverter converter, ChangeRecordFactory records) {
        this.table = requireNonNull(table, "table is null");
        this.converter = requireNonNull(converter, "converter is null");
        this.records = requireNonNull(records, "records is null");
    }

    /** Everything a binding needs besides the table. */
    public record Factory(String topicPrefix, CaptureFilter filter, BinlogValueConverters values, BigintUnsignedMode bigintUnsignedMode,
            Clock clock) {
        public Factory {
            requireNonNull(topicPrefix, "topicPrefix is null");
            requireNonNull(filter, "filter is null");
            requireNonNull(values, "values is null");
            requireNonNull(bigintUnsignedMode, "bigintUnsignedMode is null");
            requireNonNull(clock, "clock is null");
        }

        public TableBinding bind(MySqlTable table) {
            String topic = TopicNames.dataTopic(topicPrefix, table.database(), table.name());
            if (table.primaryKey().isEmpty()) {
                LOG.warn("Table {}.{} has no primary key: its events on {} have a null key, so Kafka spreads them over partitions"
                        + " and sinks cannot upsert them by key; add a primary key to replicate it reliably", table.database(), table.name(),
                        topic);
            }
            BinlogRowConverter converter = new BinlogRowConverter(table,
                    column -> filter.isColumnCaptured(table.database(), table.name(), column.name()), values, bigintUnsignedMode, topic);
            return new TableBinding(table, converter,
                    new ChangeRecordFactory(topic, converter.keySchema(), converter.rowSchema(), MySqlSourceInfo.SCHEMA, clock));
        }

        /** The same factory with other value converters (the snapshot reads JSON as text on MySQL too). */
        public Factory withValues(BinlogValueConverters otherValues) {
            return new Factory(topicPrefix, filter, otherValues, bigintUnsignedMode, clock);
        }
    }

    public MySqlTable table() {
        return table;
    }

    public TableId id() {
        return table.id();
    }

    public BinlogRowConverter converter() {
        return converter;
    }

    public ChangeRecordFactory records() {
        return records;
    }

    public boolean hasKey() {
        return converter.keySchema() != null;
    }

    /**
     * The values of a key struct as a list, to compare keys of a snapshot chunk with keys of
     * streamed changes whatever schema object each side built.
     */
    public static List<Object> keyValues(Struct key) {
        if (key == null) {
            return null;
        }
        List<Object> values = new ArrayList<>(key.schema().fields().size());
        for (Field field : key.schema().fields()) {
            Object value = key.get(field);
            values.add(value instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : value);
        }
        return values;
    }
}
