package dev.cdc.core.converter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads a JSON payload into Connect data by its schema, token by token, with the results of Kafka's
 * {@code JsonConverter} for every value in the shape that converter writes: integers, floats read
 * through {@code BigDecimal} like its exact-decimal tree, base64 bytes, Decimal as base64 bytes or
 * a number, Date/Time as int, Timestamp as long, structs (missing fields null or the default, extra
 * fields ignored), arrays, maps with string keys. Any other shape throws {@link OffFastPath}.
 */
final class PayloadReader {
    private final boolean replaceNullWithDefault;

    PayloadReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /** Reads the value whose first token is the parser's current token. */
    Object read(Schema schema, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return nullValue(schema);
        }
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case Decimal.LOGICAL_NAME:
                    return decimal(schema, parser);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, intToken(parser));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, intToken(parser));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.toLogical(schema, longToken(parser));
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case BOOLEAN:
                return booleanToken(parser);
            case INT8:
                return (byte) intToken(parser);
            case INT16:
                return (short) intToken(parser);
            case INT32:
                return intToken(parser);
            case INT64:
                return longToken(parser);
            case FLOAT32:
                return floatToken(parser);
            case FLOAT64:
                return doubleToken(parser);
            case STRING:
                expect(parser, JsonToken.VALUE_STRING);
                return parser.getText();
            case BYTES:
                expect(parser, JsonToken.VALUE_STRING);
                return parser.getBinaryValue();
            case ARRAY:
                return array(schema, parser);
            case MAP:
                return map(schema, parser);
            case STRUCT:
                return struct(schema, parser);
            default:
                throw new OffFastPath("schema type " + schema.type());
        }
    }

    private Object nullValue(Schema schema) {
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new DataException("Invalid null value for required " + schema.type() + " field");
    }

    private Struct struct(Schema schema, JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        List<Field> fields = schema.fields();
        Object[] values = new Object[fields.size()];
        boolean[] seen = new boolean[fields.size()];
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            Field field = schema.field(parser.currentName());
            parser.nextToken();
            if (field == null) {
                parser.skipChildren();
            } else {
                values[field.index()] = read(field.schema(), parser);
                seen[field.index()] = true;
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new OffFastPath("struct ended by " + token);
        }
        for (Field field : fields) {
            int i = field.index();
            if (!seen[i]) {
                values[i] = nullValue(field.schema());
            }
        }
        return StructBuilder.of(schema, values);
    }

    private List<Object> array(Schema schema, JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY);
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(schema.valueSchema(), parser));
        }
        return list;
    }

    private Map<Object, Object> map(Schema schema, JsonParser parser) throws IOException {
        if (schema.keySchema().type() != Schema.Type.STRING) {
            throw new OffFastPath("map keys of type " + schema.keySchema().type());
        }
        expect(parser, JsonToken.START_OBJECT);
        Map<Object, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, read(schema.valueSchema(), parser));
        }
        return map;
    }

    private static Object decimal(Schema schema, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return Decimal.toLogical(schema, parser.getBinaryValue());
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        throw new OffFastPath("Decimal as " + token);
    }

    private static boolean booleanToken(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw new OffFastPath("boolean as " + token);
    }

    private static int intToken(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        throw new OffFastPath("int as " + parser.currentToken());
    }

    private static long longToken(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        throw new OffFastPath("long as " + parser.currentToken());
    }

    private static float floatToken(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue().floatValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return (float) parser.getLongValue();
        }
        throw new OffFastPath("float as " + token);
    }

    private static double doubleToken(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue().doubleValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return (double) parser.getLongValue();
        }
        throw new OffFastPath("double as " + token);
    }

    private static void expect(JsonParser parser, JsonToken expected) {
        if (parser.currentToken() != expected) {
            throw new OffFastPath("expected " + expected + ", found " + parser.currentToken());
        }
    }
}
