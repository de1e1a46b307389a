package dev.cdc.core.converter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** Seeded random Connect schemas and values of every type, for converter equivalence tests. */
final class RandomConnectData {
    private final Random random;
    private int names;

    RandomConnectData(long seed) {
        this.random = new Random(seed);
    }

    /** A struct schema of up to 12 fields, nested up to {@code depth} levels. */
    Schema struct(int depth) {
        SchemaBuilder builder = SchemaBuilder.struct().name("s" + names++);
        int fields = 1 + random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            builder.field("f" + i, any(depth - 1));
        }
        return maybeOptional(builder).build();
    }

    private Schema any(int depth) {
        int kinds = depth > 0 ? 19 : 15;
        switch (random.nextInt(kinds)) {
            case 0: return maybeOptional(SchemaBuilder.int8()).build();
            case 1: return maybeOptional(SchemaBuilder.int16()).build();
            case 2: return withDefault(maybeOptional(SchemaBuilder.int32()), random.nextInt()).build();
            case 3: return maybeOptional(SchemaBuilder.int64()).build();
            case 4: return maybeOptional(SchemaBuilder.float32()).build();
            case 5: return maybeOptional(SchemaBuilder.float64()).build();
            case 6: return maybeOptional(SchemaBuilder.bool()).build();
            case 7: return withDefault(maybeOptional(SchemaBuilder.string()), "dflt").build();
            case 8: return maybeOptional(SchemaBuilder.bytes()).build();
            case 9: return maybeOptional(Decimal.builder(random.nextInt(6)).parameter("connect.decimal.precision", "20")).build();
            case 10: return maybeOptional(Date.builder()).build();
            case 11: return maybeOptional(Time.builder()).build();
            case 12: return maybeOptional(Timestamp.builder()).build();
            case 13: return maybeOptional(SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1)).build();
            case 14: return maybeOptional(SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").version(1)).build();
            case 15: return maybeOptional(SchemaBuilder.array(any(depth - 1))).build();
            case 16: return maybeOptional(SchemaBuilder.map(Schema.STRING_SCHEMA, any(depth - 1))).build();
            case 17: return maybeOptional(SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)).build();
            default: return struct(depth);
        }
    }

    private SchemaBuilder maybeOptional(SchemaBuilder builder) {
        return random.nextInt(3) == 0 ? builder : builder.optional();
    }

    private SchemaBuilder withDefault(SchemaBuilder builder, Object value) {
        return random.nextInt(4) == 0 ? builder.defaultValue(value) : builder;
    }

    /** A value valid for {@code schema}; optional parts are null now and then. */
    Object value(Schema schema) {
        if (schema.isOptional() && random.nextInt(5) == 0) {
            return null;
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return new BigDecimal(new BigInteger(60, random).subtract(BigInteger.ONE.shiftLeft(59)),
                            Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD)));
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, random.nextInt(40_000) - 20_000);
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, random.nextInt(86_400_000));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.toLogical(schema, random.nextLong() >> 20);
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case INT8: return (byte) random.nextInt();
            case INT16: return (short) random.nextInt();
            case INT32: return random.nextInt();
            case INT64: return random.nextInt(3) == 0 ? (long) random.nextInt() : random.nextLong();
            case FLOAT32: return random.nextInt(4) == 0 ? (float) random.nextInt(100) : random.nextFloat() * 1e6f - 5e5f;
            case FLOAT64: return random.nextInt(4) == 0 ? (double) random.nextInt(100) : random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case BOOLEAN: return random.nextBoolean();
            case STRING: return text();
            case BYTES: {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return bytes;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(schema.valueSchema()));
                }
                return list;
            }
            case MAP: {
                Map<Object, Object> map = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(value(schema.keySchema()), value(schema.valueSchema()));
                }
                return map;
            }
            case STRUCT: {
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, value(field.schema()));
                }
                return struct;
            }
            default:
                throw new IllegalArgumentException("no values for " + schema);
        }
    }

    private String text() {
        String[] pieces = {"a", "Zürich", "\"quoted\"", "\\", "\n", "😀", "日本", " ", "x".repeat(30), "\u0001"};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
