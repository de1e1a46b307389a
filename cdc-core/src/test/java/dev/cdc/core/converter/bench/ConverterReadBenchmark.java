package dev.cdc.core.converter.bench;

import dev.cdc.core.converter.StreamingJsonConverter;
import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.SourceInfoSchema;
import dev.cdc.core.position.SourcePosition;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a sink task's value converter takes to read one change event of an {@code orders} row
 * (the sink-elasticsearch benchmark's row: 3.4 KB of JSON with schema): Kafka's JsonConverter
 * next to {@link StreamingJsonConverter}. Run by hand, see the cdc-core README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConverterReadBenchmark {
    private static final int RECORDS = 1024;

    @Param({"kafka", "streaming"})
    public String converter;

    private Converter reader;
    private byte[][] values;
    private int next;

    @Setup
    public void setUp() {
        JsonConverter writer = new JsonConverter();
        writer.configure(Map.of(), false);
        OrderEvents orders = new OrderEvents();
        values = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            SourceRecord event = orders.event(i);
            values[i] = writer.fromConnectData("bench.shop.orders", event.valueSchema(), event.value());
        }
        reader = "kafka".equals(converter) ? new JsonConverter() : new StreamingJsonConverter();
        reader.configure(Map.of(), false);
    }

    @Benchmark
    public SchemaAndValue read() {
        next = (next + 1) & (RECORDS - 1);
        return reader.toConnectData("bench.shop.orders", values[next]);
    }

    /** Inserts of an orders row with Debezium's MySQL source block, as the MySQL source writes them. */
    static final class OrderEvents {
        private final Schema keySchema = SchemaBuilder.struct().name("bench.shop.orders.Key").field("id", Schema.INT64_SCHEMA).build();
        private final Schema rowSchema = SchemaBuilder.struct().name("bench.shop.orders.Value").optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("customer_id", Schema.OPTIONAL_INT32_SCHEMA)
                .field("status", Schema.OPTIONAL_STRING_SCHEMA)
                .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").optional().build())
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("created_at", SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).optional().build())
                .field("updated_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).optional().build())
                .build();
        private final Schema sourceSchema = SourceInfoSchema.builder("io.debezium.connector.mysql.Source")
                .field("table", Schema.OPTIONAL_STRING_SCHEMA).field("server_id", Schema.INT64_SCHEMA)
                .field("gtid", Schema.OPTIONAL_STRING_SCHEMA).field("file", Schema.STRING_SCHEMA)
                .field("pos", Schema.INT64_SCHEMA).field("row", Schema.INT32_SCHEMA)
                .field("thread", Schema.OPTIONAL_INT64_SCHEMA).field("query", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        private final ChangeRecordFactory factory =
                new ChangeRecordFactory("bench.shop.orders", keySchema, rowSchema, sourceSchema, Clock.systemUTC());

        SourceRecord event(long i) {
            long pos = 4 + i * 350;
            Struct row = new Struct(rowSchema).put("id", i + 1).put("customer_id", (int) (i % 50_000)).put("status", "shipped")
                    .put("amount", BigDecimal.valueOf(i * 7 + 99, 2))
                    .put("note", "order " + (i + 1) + " for customer " + i % 50_000 + ", deliver to the back door, ring twice")
                    .put("created_at", 1_735_689_600_000L + i * 1_000).put("updated_at", "2025-01-01T00:01:01.000Z");
            Struct source = new Struct(sourceSchema)
                    .put("version", "0.1.0").put("connector", "mysql").put("name", "bench").put("ts_ms", 1_735_689_600_000L + i)
                    .put("snapshot", "false").put("db", "shop").put("table", "orders").put("server_id", 1L)
                    .put("gtid", "0-1-" + (i + 1)).put("file", "mysql-bin.000003").put("pos", pos).put("row", 0).put("thread", 12L)
                    .put("position", SourcePosition.mysql(3, pos, pos + 300, 0));
            EventContext context = EventContext.of(Map.of("server", "bench"), Map.of("file", "mysql-bin.000003", "pos", pos),
                    SourceInfo.of(source));
            return factory.create(new Struct(keySchema).put("id", i + 1), row, context);
        }
    }
}
