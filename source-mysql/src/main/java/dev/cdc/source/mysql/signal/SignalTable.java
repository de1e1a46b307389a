package dev.cdc.source.mysql.signal;

import static java.util.Objects.requireNonNull;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.cdc.schema.TableId;
import dev.cdc.source.mysql.binlog.TableMapReader;
import dev.cdc.source.mysql.offset.BinlogPosition;
import dev.cdc.source.mysql.stream.SignalChannel;
import dev.cdc.source.mysql.stream.TableBinding;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signal table ({@code signal.data.collection}) in the binlog: recognises its table maps and
 * reads each inserted row's {@code id}, {@code type} and {@code data} columns, decoded like any
 * captured table's row, into a {@link Signal} for the {@link SignalHandler}. Updates and deletes of
 * signal rows mean nothing. Owned by the reader thread.
 */
public final class SignalTable implements SignalChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SignalTable.class);

    private final TableId table;
    private final TableMapReader tableMaps;
    private final TableBinding.Factory bindings;
    private final SignalHandler handler;
    private Long tableNumber;
    private TableMapEventData lastMap;
    private TableBinding binding;
    private boolean warnedAboutColumns;

    public SignalTable(TableId table, TableMapReader tableMaps, TableBinding.Factory bindings, SignalHandler handler) {
        this.table = requireNonNull(table, "table is null");
        this.tableMaps = requireNonNull(tableMaps, "tableMaps is null");
        this.bindings = requireNonNull(bindings, "bindings is null");
        this.handler = requireNonNull(handler, "handler is null");
    }

    @Override
    public boolean onTableMap(TableMapEventData map) {
        if (!table.catalog().orElseThrow().equals(map.getDatabase()) || !table.table().equals(map.getTable())) {
            if (tableNumber != null && tableNumber == map.getTableId()) {
                tableNumber = null;
            }
            return false;
        }
        tableNumber = map.getTableId();
        if (binding == null || !sameColumns(lastMap, map)) {
            binding = bindings.bind(tableMaps.read(map));
            lastMap = map;
        }
        return true;
    }

    private static boolean sameColumns(TableMapEventData previous, TableMapEventData next) {
        return Arrays.equals(previous.getColumnTypes(), next.getColumnTypes()) && Arrays.equals(previous.getColumnMetadata(), next.getColumnMetadata())
                && String.valueOf(previous.getEventMetadata()).equals(String.valueOf(next.getEventMetadata()));
    }

    @Override
    public boolean isSignalTable(long number) {
        return tableNumber != null && tableNumber == number;
    }

    @Override
    public void inserted(WriteRowsEventData rows, BinlogPosition eventStart) throws InterruptedException {
        for (Serializable[] cells : rows.getRows()) {
            Struct row;
            try {
                row = binding.converter().row(cells, rows.getIncludedColumns());
            } catch (DataException e) {
                LOG.warn("A row of the signal table {} at {} cannot be decoded, so it is no signal: {}", table.displayName(), eventStart,
                        e.getMessage());
                continue;
            }
            String type = text(row, "type");
            if (type == null) {
                if (!warnedAboutColumns) {
                    LOG.warn("The signal table {} has no type column, or a row without type: its rows are not signals. Expected columns"
                            + " id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data VARCHAR(2048)", table.displayName());
                    warnedAboutColumns = true;
                }
                continue;
            }
            String id = text(row, "id");
            handler.handle(new Signal(id != null ? id : eventStart.toString(), type, text(row, "data")), eventStart);
        }
    }

    private static String text(Struct row, String column) {
        Field field = row.schema().field(column);
        Object value = field == null ? null : row.get(field);
        return value == null ? null : value.toString();
    }
}
