package dev.cdc.sink.jdbc.record;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Our PostgreSQL source's signal for unchanged TOASTed columns it does not know (REPLICA IDENTITY
 * DEFAULT): the field is null in the after-image and the record carries the header
 * {@value #NAME} with the comma-separated column names. The sink treats such a column as
 * {@link UnavailableValue unavailable}, like Debezium's placeholder, so the stored value stays.
 */
public final class UnchangedToastHeader {
    /** The header's name, as {@code source-postgres} writes it. */
    public static final String NAME = "cdc.unchanged.toast";

    private UnchangedToastHeader() {
    }

    /**
     * The column names the record's last {@value #NAME} header lists; empty without one. Takes the
     * string the source writes, and also a list (a header converter that parsed it).
     */
    public static Set<String> columns(SinkRecord record) {
        Header header = record.headers().lastWithName(NAME);
        if (header == null || header.value() == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        if (header.value() instanceof Collection<?> list) {
            list.forEach(element -> addNames(names, String.valueOf(element)));
        } else {
            addNames(names, header.value().toString());
        }
        return Set.copyOf(names);
    }

    private static void addNames(Set<String> names, String text) {
        Arrays.stream(text.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
    }
}
