package dev.cdc.source.mysql.binlog;

import static java.util.Objects.requireNonNull;

import dev.cdc.core.event.ChangeRecordFactory;
import dev.cdc.core.event.EventContext;
import dev.cdc.core.event.SourceInfo;
import dev.cdc.core.event.TopicNames;
import dev.cdc.core.event.TransactionBlock;
import dev.cdc.core.event.TransactionOrder;
import dev.cdc.schema.TableId;
import dev.cdc.schema.diff.SchemaChange;
import dev.cdc.schema.event.SchemaChangeEvent;
import dev.cdc.schema.event.SchemaChangeEventWriter;
import dev.cdc.source.mysql.binlog.BinlogEventHandler.EventMeta;
import dev.cdc.source.mysql.binlog.BinlogEventHandler.RowChange;
import dev.cdc.source.mysql.ddl.DdlOutcome;
import dev.cdc.source.mysql.ddl.SchemaCatalog;
import dev.cdc.source.mysql.filter.CaptureFilter;
import dev.cdc.source.mysql.server.ServerFlavor;
import dev.cdc.source.mysql.types.BinlogValueConverters;
import dev.cdc.source.mysql.types.MySqlTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Makes the records of streamed changes and schema changes and hands them to the sink: per table
 * version a {@link BinlogRowConverter} and a {@link ChangeRecordFactory}, the {@code source}
 * block, the transaction block, and the offset. Owned by the binlog reader thread.
 */
public final class RecordMaker {
    private static final int MAX_CACHED_TABLES = 10_000;

    private final StreamingSettings settings;
    private final SchemaCatalog catalog;
    private final RecordSink sink;
    private final Clock clock;
    private final BinlogValueConverters valueConverters;
    private final Map<String, String> partition;
    private final Map<MySqlTable, TableRecords> tables = new IdentityHashMap<>();
    private final TransactionOrder transactions = new TransactionOrder();
    private final SchemaChangeEventWriter schemaChangeWriter = new SchemaChangeEventWriter(MySqlSourceInfo.SCHEMA);

    public RecordMaker(StreamingSettings settings, SchemaCatalog catalog, RecordSink sink, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.valueConverters = new BinlogValueConverters(settings.bigintUnsignedMode(), settings.flavor() == ServerFlavor.MYSQL);
        this.partition = sourcePartition(settings.topicPrefix());
    }

    /** The Connect source partition of a connector: its server, named by {@code topic.prefix}. */
    public static Map<String, String> sourcePartition(String topicPrefix) {
        return Map.of("server", topicPrefix);
    }

    void beginTransaction(String id) {
        transactions.begin(id);
    }

    void endTransaction() {
        transactions.end();
    }

    /** A row emitted before a restart: it keeps its place in the transaction's order. */
    void skipped(MySqlTable table) {
        if (transactions.current().isPresent()) {
            transactions.next(table.database() + "." + table.name());
        }
    }

    void row(MySqlTable table, RowChange change, EventMeta meta, BinlogOffset offset) throws InterruptedException {
        TableRecords records = records(table);
        EventContext context = context(meta, table.name(), offset, transactions.current().isPresent()
                ? transactions.next(table.database() + "." + table.name()) : null);
        BinlogRowConverter converter = records.converter();
        Struct before = change.before() == null ? null : converter.row(change.before(), change.beforeColumns());
        Struct after = change.after() == null ? null : converter.row(change.after(), change.afterColumns());
        ChangeRecordFactory factory = records.factory();
        if (before == null) {
            sink.accept(factory.create(converter.key(after), after, context));
        } else if (after == null) {
            delete(factory, converter.key(before), before, context);
        } else {
            Struct oldKey = converter.key(before);
            Struct newKey = converter.key(after);
            if (Objects.equals(oldKey, newKey)) {
                sink.accept(factory.update(newKey, before, after, context));
            } else {
                delete(factory, oldKey, before, context);
                sink.accept(factory.create(newKey, after, context));
            }
        }
    }

    private void delete(ChangeRecordFactory factory, Struct key, Struct before, EventContext context) throws InterruptedException {
        SourceRecord delete = factory.delete(key, before, context);
        sink.accept(delete);
        if (settings.tombstonesOnDelete() && key != null) {
            sink.accept(factory.tombstone(delete));
        }
    }

    void schemaChanges(String ddl, DdlOutcome outcome, EventMeta meta, BinlogOffset offset, CaptureFilter filter)
            throws InterruptedException {
        Map<TableId, List<SchemaChange>> byTable = new LinkedHashMap<>();
        for (SchemaChange change : outcome.changes()) {
            byTable.computeIfAbsent(change.table(), table -> new ArrayList<>()).add(change);
        }
        for (Map.Entry<TableId, List<SchemaChange>> entry : byTable.entrySet()) {
            TableId id = entry.getKey();
            String database = id.catalog().orElse("");
            if (!filter.isTableCaptured(database, id.table())) {
                continue;
            }
            EventContext context = context(new EventMeta(meta.header(), meta.file(), meta.fileNumber(), meta.gtid(), database, 0), id.table(),
                    offset, null);
            List<SchemaChange> changes = entry.getValue();
            MySqlTable table = catalog.table(database, id.table()).orElse(null);
            SchemaChangeEvent.Builder event = SchemaChangeEvent.builder(id, typeOf(changes))
                    .source(context.source().struct())
                    .timestampMillis(meta.header().getTimestamp())
                    .position(meta.position())
                    .ddl(ddl)
                    .changes(changes);
            if (table != null && typeOf(changes) != SchemaChangeEvent.Type.TRUNCATE && typeOf(changes) != SchemaChangeEvent.Type.DROP) {
                event.tableSchema(table.toTableSchema(catalog.version(database, id.table()), meta.position()));
            }
            SchemaChangeEvent built = event.build();
            String topic = TopicNames.schemaChangesTopic(settings.topicPrefix());
            sink.accept(new SourceRecord(partition, offset.toMap(), topic, null, schemaChangeWriter.keySchema(),
                    schemaChangeWriter.key(built), schemaChangeWriter.valueSchema(), schemaChangeWriter.value(built)));
            if (changes.stream().anyMatch(change -> change instanceof SchemaChange.Truncate) && table != null) {
                sink.accept(records(table).factory().truncate(context));
            }
        }
    }

    private static SchemaChangeEvent.Type typeOf(List<SchemaChange> changes) {
        if (changes.stream().anyMatch(change -> change instanceof SchemaChange.Truncate)) {
            return SchemaChangeEvent.Type.TRUNCATE;
        }
        if (changes.get(changes.size() - 1) instanceof SchemaChange.DropTable) {
            return SchemaChangeEvent.Type.DROP;
        }
        if (changes.get(changes.size() - 1) instanceof SchemaChange.CreateTable) {
            return SchemaChangeEvent.Type.CREATE;
        }
        return SchemaChangeEvent.Type.ALTER;
    }

    private EventContext context(EventMeta meta, String table, BinlogOffset offset, TransactionBlock transaction) {
        SourceInfo source = MySqlSourceInfo.streamed(settings.topicPrefix(), meta.header().getTimestamp(), meta.database(), table,
                meta.header().getServerId(), meta.gtid(), meta.file(), meta.header().getPosition(), meta.row(), meta.position());
        return new EventContext(partition, offset.toMap(), source, transaction);
    }

    private TableRecords records(MySqlTable table) {
        TableRecords records = tables.get(table);
        if (records == null) {
            if (tables.size() >= MAX_CACHED_TABLES) {
                tables.clear();
            }
            String topic = TopicNames.dataTopic(settings.topicPrefix(), table.database(), table.name());
            BinlogRowConverter converter = new BinlogRowConverter(table,
                    column -> settings.filter().isColumnCaptured(table.database(), table.name(), column.name()), valueConverters,
                    settings.bigintUnsignedMode(), topic);
            records = new TableRecords(converter, new ChangeRecordFactory(topic, converter.keySchema(), converter.rowSchema(),
                    MySqlSourceInfo.SCHEMA, clock));
            tables.put(table, records);
        }
        return records;
    }

    private record TableRecords(BinlogRowConverter converter, ChangeRecordFactory factory) {
    }
}
