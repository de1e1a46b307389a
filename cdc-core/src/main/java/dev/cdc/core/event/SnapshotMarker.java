package dev.cdc.core.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The value of the {@code source.snapshot} field, as in Debezium: {@code false} for streamed
 * changes, {@code true}/{@code first}/{@code last}/... for rows of an initial snapshot,
 * {@code incremental} for rows of a chunked (incremental) snapshot.
 */
public enum SnapshotMarker {
    TRUE, FIRST, FIRST_IN_DATA_COLLECTION, LAST_IN_DATA_COLLECTION, LAST, FALSE, INCREMENTAL;

    /** Debezium's logical name for enumerations. */
    public static final String ENUM_LOGICAL_NAME = "io.debezium.data.Enum";
    /** The parameter of an enumeration schema that lists its values. */
    public static final String ENUM_ALLOWED_PARAMETER = "allowed";

    private static final Schema SCHEMA = SchemaBuilder.string()
            .name(ENUM_LOGICAL_NAME)
            .version(1)
            .parameter(ENUM_ALLOWED_PARAMETER, Arrays.stream(values()).map(SnapshotMarker::value).collect(Collectors.joining(",")))
            .defaultValue(FALSE.value())
            .optional()
            .build();

    /** The value in the source block, e.g. {@code "first_in_data_collection"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schema of the {@code source.snapshot} field: an optional Debezium enum string defaulting to {@code false}. */
    public static Schema schema() {
        return SCHEMA;
    }
}
