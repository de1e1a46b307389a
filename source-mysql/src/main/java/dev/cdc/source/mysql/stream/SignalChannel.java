package dev.cdc.source.mysql.stream;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import dev.cdc.source.mysql.offset.BinlogPosition;

/**
 * The signal table as the binlog reader sees it (Debezium's source signalling channel): its table
 * maps and its inserted rows go here instead of becoming change events. Called on the reader
 * thread, holding the emitter's lock, in binlog order.
 */
public interface SignalChannel {
    SignalChannel NONE = new SignalChannel() {
        @Override
        public boolean onTableMap(TableMapEventData map) {
            return false;
        }

        @Override
        public boolean isSignalTable(long tableNumber) {
            return false;
        }

        @Override
        public void inserted(WriteRowsEventData rows, BinlogPosition eventStart) {
        }
    };

    /** Takes a table map; true when it is the signal table's (then it is no captured table's). */
    boolean onTableMap(TableMapEventData map);

    /** Whether rows events of this table number are signal rows. */
    boolean isSignalTable(long tableNumber);

    /** Rows inserted into the signal table by the event that starts at {@code eventStart}. */
    void inserted(WriteRowsEventData rows, BinlogPosition eventStart) throws InterruptedException;
}
