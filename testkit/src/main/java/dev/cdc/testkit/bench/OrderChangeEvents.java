package dev.cdc.testkit.bench;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;
import dev.cdc.core.position.SourcePosition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The sink benchmarks' change events, as the MySQL source makes them, of an {@code orders} row (id
 * BIGINT, customer_id INT, status VARCHAR(16), amount DECIMAL(12,2), note VARCHAR(200),
 * created_at DATETIME(3), updated_at TIMESTAMP(3)): events {@code 0 .. inserts-1} insert rows
 * {@code 1 .. inserts}; every later event {@code i} updates row {@code (i - inserts) % inserts + 1}
 * to status {@code updated}. Deterministic; positions increase with {@code i}.
 */
public final class OrderChangeEvents {
    public static final String UPDATED = "updated";
    private static final String[] STATUSES = {"new", "paid", "packed", "shipped", "delivered", "cancelled"};
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long START_MILLIS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    private final String topic;
    private final long inserts;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final Schema sourceSchema;
    private final ChangeRecordFactory factory;

    /**
     * @param topic   the topic the events are for (it names the Connect schemas)
     * @param inserts how many events insert rows before the updates begin
     */
    public OrderChangeEvents(String topic, long inserts) {
        this.topic = topic;
        this.inserts = inserts;
        keySchema = SchemaBuilder.struct().name(topic + ".Key").field("id", Schema.INT64_SCHEMA).build();
        rowSchema = SchemaBuilder.struct().name(topic + ".Value").optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("customer_id", Schema.OPTIONAL_INT32_SCHEMA)
                .field("status", Schema.OPTIONAL_STRING_SCHEMA)
                .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").optional().build())
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("created_at", SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).optional().build())
                .field("updated_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).optional().build())
                .build();
        sourceSchema = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
                .field("table", Schema.OPTIONAL_STRING_SCHEMA)
                .field("server_id", Schema.INT64_SCHEMA)
                .field("file", Schema.STRING_SCHEMA)
                .field("pos", Schema.INT64_SCHEMA)
                .field("row", Schema.INT32_SCHEMA)
                .build();
        factory = new ChangeRecordFactory(topic, keySchema, rowSchema, sourceSchema, Clock.systemUTC());
    }

    public String topic() {
        return topic;
    }

    /** Distinct rows the updates touch. */
    public long updatedRows(long events) {
        return Math.min(inserts, Math.max(0, events - inserts));
    }

    public SourceRecord event(long i) {
        boolean insert = i < inserts;
        long id = insert ? i + 1 : (i - inserts) % inserts + 1;
        long pos = 4 + i * 350;
        Struct source = new Struct(sourceSchema)
                .put("version", "0.1.0").put("connector", "mysql").put("name", "bench").put("ts_ms", START_MILLIS + i)
                .put("snapshot", "false").put("db", "shop").put("table", "orders").put("server_id", 1L)
                .put("file", "mysql-bin.000003").put("pos", pos).put("row", 0)
                .put("position", SourcePosition.mysql(3, pos, pos + 300, 0));
        EventContext context = EventContext.of(Map.of("server", "bench"), Map.of("file", "mysql-bin.000003", "pos", pos), SourceInfo.of(source));
        Struct key = new Struct(keySchema).put("id", id);
        Struct row = row(id, insert ? STATUSES[(int) (id % STATUSES.length)] : UPDATED);
        return insert ? factory.create(key, row, context) : factory.update(key, row(id, STATUSES[(int) (id % STATUSES.length)]), row, context);
    }

    /** The row event {@code id - 1} inserts. */
    public Struct row(long id) {
        return row(id, STATUSES[(int) (id % STATUSES.length)]);
    }

    private Struct row(long id, String status) {
        long created = START_MILLIS + id * 1_000;
        return new Struct(rowSchema)
                .put("id", id)
                .put("customer_id", (int) (id % 50_000))
                .put("status", status)
                .put("amount", BigDecimal.valueOf(id % 1_000_000 * 7 + 99, 2))
                .put("note", "order " + id + " for customer " + id % 50_000 + ", deliver to the back door, ring twice")
                .put("created_at", created)
                .put("updated_at", ZONED.format(Instant.ofEpochMilli(created + 61_000)));
    }
}
