package dev.cdc.sink.jdbc;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

import dev.cdc.sink.jdbc.config.JdbcSinkConfig;
import dev.cdc.sink.jdbc.dialect.Dialect;
import dev.cdc.sink.jdbc.dialect.Dialects;
import dev.cdc.sink.jdbc.record.ChangeDecoder;
import dev.cdc.sink.jdbc.record.RecordShapes;
import dev.cdc.sink.jdbc.table.TableManager;
import dev.cdc.sink.jdbc.write.ChangeApplier;
import dev.cdc.sink.jdbc.write.ErrantRecords;
import dev.cdc.sink.jdbc.write.RowWriter;
import dev.cdc.sink.jdbc.write.Sleeper;

/** Wires the parts of a task. */
public final class JdbcSinkFactory {
    private JdbcSinkFactory() {
    }

    /**
     * @param properties the task properties, for Connect's own keys ({@code name}, {@code errors.tolerance})
     * @param context    the task context; its errant-record reporter may be absent
     */
    public static ChangeApplier create(JdbcSinkConfig config, Map<String, String> properties, SinkTaskContext context) {
        Dialect dialect = Dialects.of(config.connection().dialect());
        RecordShapes shapes = new RecordShapes(config.key(), TableManager.internalColumns(config));
        ChangeDecoder decoder = new ChangeDecoder(config.table().nameFormat(), config.delete(), config.key().mode(), shapes);
        boolean tolerateAll = "all".equals(properties.getOrDefault(JdbcSinkConfig.ERRORS_TOLERANCE, "none").trim().toLowerCase(Locale.ROOT));
        ErrantRecords errantRecords = new ErrantRecords(reporter(context), tolerateAll);
        String applicationName = "cdc-sink-jdbc-" + properties.getOrDefault("name", "connector");
        return new ChangeApplier(config, dialect, decoder, new TableManager(dialect, config), new RowWriter(dialect, config),
                errantRecords, () -> dialect.connect(config.connection(), applicationName), Sleeper.REAL);
    }

    private static ErrantRecordReporter reporter(SinkTaskContext context) {
        if (context == null) {
            return null;
        }
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }
}
