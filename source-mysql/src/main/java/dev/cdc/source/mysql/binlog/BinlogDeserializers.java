package dev.cdc.source.mysql.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AnnotateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.BinlogCheckpointEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.IntVarEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidListEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.PreviousGtidSetDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RowsQueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XAPrepareEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The event deserializer of the binlog reader, with its representation of row values chosen
 * deliberately (see {@code BinlogValueConverters} for the table of what arrives):
 * <ul>
 * <li>{@code CHAR_AND_BINARY_AS_BYTE_ARRAY}: text arrives as bytes and is decoded with the
 *     column's own character set (the library would decode every column as UTF-8);</li>
 * <li>{@code DATE_AND_TIME_AS_LONG_MICRO}: temporal values as microseconds, no
 *     {@code java.util.Date} and no default time zone anywhere;</li>
 * <li>{@code INVALID_DATE_AND_TIME_AS_MIN_VALUE}: zero dates as {@code Long.MIN_VALUE}, told
 *     apart from the epoch;</li>
 * <li>integers stay numbers; signedness is applied by the converters from the column type.</li>
 * </ul>
 * On top of the modes, the row deserializers decode DATE, TIME2 and DATETIME2 with
 * {@link TemporalDecoding}: the library loses the sign of negative TIME values and uses the Julian
 * calendar before 1582. The events inside a MySQL 8 compressed {@code TRANSACTION_PAYLOAD} are
 * decoded by a deserializer made here too ({@link TransactionPayloadDeserializer}), so they get the
 * same modes and fixes; the library's own payload deserializer would use its defaults.
 */
public final class BinlogDeserializers {
    static final CompatibilityMode[] MODES = {CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
        CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY, CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE};

    private BinlogDeserializers() {
    }

    /** A new event deserializer with its own table-map cache. */
    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Map<EventType, EventDataDeserializer> deserializers = new IdentityHashMap<>();
        deserializers.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        deserializers.put(EventType.ROTATE, new RotateEventDataDeserializer());
        deserializers.put(EventType.INTVAR, new IntVarEventDataDeserializer());
        deserializers.put(EventType.QUERY, new QueryEventDataDeserializer());
        deserializers.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        deserializers.put(EventType.XID, new XidEventDataDeserializer());
        deserializers.put(EventType.WRITE_ROWS, new WriteRows(tableMaps));
        deserializers.put(EventType.UPDATE_ROWS, new UpdateRows(tableMaps));
        deserializers.put(EventType.DELETE_ROWS, new DeleteRows(tableMaps));
        deserializers.put(EventType.EXT_WRITE_ROWS, new WriteRows(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.EXT_UPDATE_ROWS, new UpdateRows(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.EXT_DELETE_ROWS, new DeleteRows(tableMaps).setMayContainExtraInformation(true));
        deserializers.put(EventType.ROWS_QUERY, new RowsQueryEventDataDeserializer());
        deserializers.put(EventType.GTID, new GtidEventDataDeserializer());
        deserializers.put(EventType.PREVIOUS_GTIDS, new PreviousGtidSetDeserializer());
        deserializers.put(EventType.XA_PREPARE, new XAPrepareEventDataDeserializer());
        deserializers.put(EventType.ANNOTATE_ROWS, new AnnotateRowsEventDataDeserializer());
        deserializers.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        deserializers.put(EventType.BINLOG_CHECKPOINT, new BinlogCheckpointEventDataDeserializer());
        deserializers.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        deserializers.put(EventType.TRANSACTION_PAYLOAD, new TransactionPayloadDeserializer(BinlogDeserializers::create));
        EventDeserializer deserializer = new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(),
                deserializers, tableMaps);
        deserializer.setCompatibilityMode(MODES[0], MODES[1], MODES[2]);
        return deserializer;
    }

    static final class WriteRows extends WriteRowsEventDataDeserializer {
        WriteRows(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream input) throws IOException {
            return TemporalCells.date(input);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.time2(meta, input);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.datetime2(meta, input);
        }
    }

    static final class UpdateRows extends UpdateRowsEventDataDeserializer {
        UpdateRows(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream input) throws IOException {
            return TemporalCells.date(input);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.time2(meta, input);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.datetime2(meta, input);
        }
    }

    static final class DeleteRows extends DeleteRowsEventDataDeserializer {
        DeleteRows(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream input) throws IOException {
            return TemporalCells.date(input);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.time2(meta, input);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream input) throws IOException {
            return TemporalCells.datetime2(meta, input);
        }
    }
}
