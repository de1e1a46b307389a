package dev.cdc.source.mysql.it;

import org.awaitility.Awaitility;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import dev.cdc.source.mysql.binlog.BinlogDeserializers;
import dev.cdc.testkit.Credentials;
import dev.cdc.testkit.TestStack;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Reads the real server's binlog from its current end, with the connector's deserializer, and
 * keeps every event, for tests that check what the binlog carries.
 */
public final class BinlogCapture implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SERVER_ID = new java.util.concurrent.atomic.AtomicInteger(
            7000 + (int) (ProcessHandle.current().pid() % 1000) * 10);

    private final BinaryLogClient client;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private BinlogCapture(BinaryLogClient client) {
        this.client = client;
    }

    /** Starts reading at the current end of the binlog. */
    public static BinlogCapture start() throws SQLException, IOException, TimeoutException {
        TestStack stack = TestStack.get();
        Credentials user = stack.mysqlConnectorUser();
        BinaryLogClient client = new BinaryLogClient(stack.mysqlHost(), stack.mysqlPort(), user.user(), user.password());
        client.setServerId(NEXT_SERVER_ID.incrementAndGet());
        client.setKeepAlive(false);
        client.setEventDeserializer(BinlogDeserializers.create());
        try (Connection connection = stack.mysqlAdminConnection(null); Statement statement = connection.createStatement();
                ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            status.next();
            client.setBinlogFilename(status.getString(1));
            client.setBinlogPosition(status.getLong(2));
        }
        BinlogCapture capture = new BinlogCapture(client);
        client.registerEventListener(capture.events::add);
        client.connect(10_000);
        return capture;
    }

    /** Waits until an event's data matches and returns that data. */
    public <T extends EventData> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return type.cast(Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> find(type, matching), data -> data != null));
    }

    private <T extends EventData> T find(Class<T> type, Predicate<T> matching) {
        for (Event event : events) {
            EventData data = event.getData();
            if (type.isInstance(data) && matching.test(type.cast(data))) {
                return type.cast(data);
            }
        }
        return null;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws IOException {
        client.disconnect();
    }
}
