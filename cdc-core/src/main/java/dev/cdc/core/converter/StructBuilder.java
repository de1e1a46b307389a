package dev.cdc.core.converter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Makes a {@link Struct} from values already known to fit its schema. {@code Struct.put} validates
 * every value, and a nested struct again as a whole, so an envelope's row is validated once per
 * level; {@link PayloadReader} builds each value from its field's schema (right Java type, null
 * only where the schema allows it), so this fills the struct's value array directly. Where that
 * array cannot be reached (another Kafka version), it falls back to {@code put}, which validates.
 */
final class StructBuilder {
    private static final VarHandle VALUES = valuesHandle();

    private StructBuilder() {
    }

    static Struct of(Schema schema, Object[] values) {
        Struct struct = new Struct(schema);
        if (VALUES != null && VALUES.get(struct) instanceof Object[] target && target.length == values.length) {
            System.arraycopy(values, 0, target, 0, values.length);
            return struct;
        }
        List<Field> fields = schema.fields();
        for (Field field : fields) {
            struct.put(field, values[field.index()]);
        }
        return struct;
    }

    /** Whether structs are filled without validation (for tests). */
    static boolean direct() {
        return VALUES != null;
    }

    private static VarHandle valuesHandle() {
        try {
            return MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup()).findVarHandle(Struct.class, "values", Object[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
