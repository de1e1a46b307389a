package dev.cdc.sink.elasticsearch.toast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The columns of an after-image whose values the source did not send (unchanged TOASTed values of
 * a PostgreSQL table without REPLICA IDENTITY FULL), by either signal:
 * <ul>
 *   <li>ours: the field is null and the header {@value #HEADER} lists it (comma-separated);</li>
 *   <li>Debezium's: the value is the placeholder {@value #PLACEHOLDER} (text, its UTF-8 bytes, or
 *       a one-element list of it).</li>
 * </ul>
 * A header-named field that has a value is taken as it is.
 */
public final class UnchangedColumns {
    /** The header our PostgreSQL source writes. */
    public static final String HEADER = "cdc.unchanged.toast";
    /** Debezium's default {@code unavailable.value.placeholder}. */
    public static final String PLACEHOLDER = "__debezium_unavailable_value";
    private static final byte[] PLACEHOLDER_BYTES = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    private UnchangedColumns() {
    }

    /** The names of the row's unchanged columns; empty for most records. */
    public static Set<String> of(SinkRecord record, Object row) {
        Set<String> named = headerColumns(record);
        Set<String> unchanged = new LinkedHashSet<>();
        if (row instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                addIfUnchanged(unchanged, named, field.name(), struct.get(field));
            }
        } else if (row instanceof Map<?, ?> map) {
            map.forEach((name, value) -> addIfUnchanged(unchanged, named, String.valueOf(name), value));
        }
        return unchanged;
    }

    private static void addIfUnchanged(Set<String> unchanged, Set<String> named, String name, Object value) {
        if (value == null ? named.contains(name) : isPlaceholder(value)) {
            unchanged.add(name);
        }
    }

    /** The columns the record's last {@value #HEADER} header lists (a string, or a list a header converter parsed). */
    static Set<String> headerColumns(SinkRecord record) {
        Header header = record.headers().lastWithName(HEADER);
        if (header == null || header.value() == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (header.value() instanceof Collection<?> list) {
            list.forEach(element -> addNames(names, String.valueOf(element)));
        } else {
            addNames(names, header.value().toString());
        }
        return names;
    }

    private static void addNames(Set<String> names, String text) {
        Arrays.stream(text.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
    }

    /** Whether a Connect value is Debezium's placeholder. */
    static boolean isPlaceholder(Object value) {
        if (value instanceof String text) {
            return PLACEHOLDER.equals(text);
        }
        if (value instanceof byte[] bytes) {
            return Arrays.equals(PLACEHOLDER_BYTES, bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            return buffer.duplicate().equals(ByteBuffer.wrap(PLACEHOLDER_BYTES));
        }
        return value instanceof List<?> list && list.size() == 1 && isPlaceholder(list.get(0));
    }
}
