package dev.cdc.sink.elasticsearch.event;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Lenient field access: a missing field reads as null instead of throwing. */
final class Structs {
    private Structs() {
    }

    static Object get(Struct struct, String name) {
        if (struct == null) {
            return null;
        }
        Field field = struct.schema().field(name);
        return field == null ? null : struct.get(field);
    }

    static String string(Struct struct, String name) {
        Object value = get(struct, name);
        return value == null ? null : value.toString();
    }
}
